package md.nrs.referral.dvpilot;

import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.ProblemType;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_ID;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.PARTICIPANT_CODE;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Enrolment into the DV group-counselling pilot through the running platform over real HTTP, as Tasklist and
 * REST clients submit the start form: a perpetrator is never enrolled into a victims' group (400 naming groupId,
 * nothing started), only the pilot's agencies enrol, and the group directory is served at /api/dv-groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-dv-pilot-http;DB_CLOSE_DELAY=-1")
class DvEnrolmentOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String START = "/engine-rest/process-definition/key/" + DvGroupCounsellingProcess.KEY + "/submit-form";
  private static final Credentials CAP = basic("dv.cap", PASSWORD);
  private static final Credentials WOMENS_INITIATIVE = basic("dv.womens", PASSWORD);
  private static final Credentials LA_STRADA = basic("dv.lastrada", PASSWORD);
  private static final Credentials ADMIN = basic("dv.admin", PASSWORD);
  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired DvGroups groups;
  @LocalServerPort int port;

  private PlatformHttp http;
  private String victimsGroup;

  @BeforeEach
  void caseworkersAndAVictimsGroup() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "dv.cap", PASSWORD, "cap-chisinau", "caseworkers");
    TestUsers.ensure(engine, "dv.womens", PASSWORD, "womens-initiative", "caseworkers");
    TestUsers.ensure(engine, "dv.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "dv.admin", PASSWORD, "camunda-admin");
    victimsGroup = group(DvGroup.KIND_VICTIM, 12);
  }

  @Test
  void aPerpetratorEnrolledIntoAVictimsGroupIsRefusedWith400NamingTheFieldAndNothingStarts() {
    var response = http.post(START, CAP, enrolment("perpetrator", victimsGroup));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains(ProblemType.INVALID_FORM.uri().toString(), "\"field\":\"groupId\"",
        "is a victims' group: a perpetrator is enrolled only into a perpetrators' group");
    assertThat(instancesIn(victimsGroup)).isZero();
  }

  @Test
  void tasklistsOwnApiRefusesItTheSameWay() {
    PlatformHttp.WebappSession session = http.login("tasklist", "dv.womens", PASSWORD);

    var response = http.post("/camunda/api/engine/engine/default/process-definition/key/" + DvGroupCounsellingProcess.KEY
        + "/submit-form", session, enrolment("perpetrator", victimsGroup));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("groupId", "victims' group");
    assertThat(instancesIn(victimsGroup)).isZero();
  }

  @Test
  void aVictimIsEnrolledIntoTheVictimsGroupWithAPilotCode() throws Exception {
    var response = http.post(START, CAP, enrolment("victim", victimsGroup));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    String instanceId = JSON.readTree(response.body()).get("id").asText();
    assertThat((String) engine.getRuntimeService().getVariable(instanceId, PARTICIPANT_CODE.name())).matches(ParticipantCodes.FORMAT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getTaskDefinitionKey())
        .isEqualTo(DvGroupCounsellingProcess.Elements.RISK_SCREENING);
  }

  @Test
  void aCaseworkerOfAnAgencyOutsideThePilotMayNotEnrol() {
    var response = http.post(START, LA_STRADA, enrolment("victim", victimsGroup));

    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(instancesIn(victimsGroup)).isZero();
  }

  @Test
  void aFullGroupIsRefusedThoughTheCaseworkerCannotSeeTheOtherAgencysEnrolments() {
    String small = group(DvGroup.KIND_VICTIM, 1);
    assertThat(http.post(START, CAP, enrolment("victim", small)).status()).isEqualTo(200);

    var response = http.post(START, WOMENS_INITIATIVE, enrolment("victim", small));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("groupId", "is full (1 of 1 places taken)");
    assertThat(instancesIn(small)).isEqualTo(1);
  }

  @Test
  void theGroupDirectoryShowsKindsAndPlacesLeftAndOnlyAdministratorsAddGroups() throws Exception {
    http.post(START, CAP, enrolment("victim", victimsGroup));

    JsonNode listed = JSON.readTree(http.get("/api/dv-groups/" + victimsGroup, LA_STRADA).body());
    assertThat(listed.get("kind").asText()).isEqualTo("victim");
    assertThat(listed.get("placesLeft").asInt()).isEqualTo(11);
    assertThat(http.get("/api/dv-groups", CAP).body()).contains(victimsGroup);
    assertThat(http.get("/api/dv-groups/dv-none", CAP).status()).isEqualTo(404);

    String newGroup = "{\"id\":\"dv-perp-http-" + GROUPS.incrementAndGet() + "\",\"kind\":\"perpetrator\",\"capacity\":10,"
        + "\"startsOn\":\"" + LocalDate.now(PlatformClock.zone()).plusDays(7) + "\",\"counsellorAgency\":\"cap-chisinau\"}";
    assertThat(http.post("/api/dv-groups", CAP, newGroup).status()).isEqualTo(403);
    var invalid = http.post("/api/dv-groups", ADMIN, "{\"id\":\"X\",\"kind\":\"mixed\",\"capacity\":0,\"counsellorAgency\":\"nobody\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"field\":\"id\"", "\"field\":\"kind\"", "\"field\":\"capacity\"",
        "\"field\":\"startsOn\"", "\"field\":\"counsellorAgency\"");
    assertThat(http.post("/api/dv-groups", ADMIN, newGroup).status()).isEqualTo(201);
  }

  private static String enrolment(String kind, String groupId) {
    return "{\"variables\":{\"participantKind\":{\"value\":\"" + kind + "\",\"type\":\"String\"},"
        + "\"groupId\":{\"value\":\"" + groupId + "\",\"type\":\"String\"},"
        + "\"nrsCaseCode\":{\"value\":\"\",\"type\":\"String\"},"
        + "\"referralSource\":{\"value\":\"court\",\"type\":\"String\"}}}";
  }

  private String group(String kind, int capacity) {
    String id = "dv-http-" + System.nanoTime() % 100000 + "-" + GROUPS.incrementAndGet();
    groups.create(new DvGroups.DvGroupRequest(id, kind, capacity, LocalDate.now(PlatformClock.zone()).plusDays(1), "womens-initiative"));
    return id;
  }

  private long instancesIn(String groupId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DvGroupCounsellingProcess.KEY)
        .variableValueEquals(GROUP_ID.name(), groupId).count();
  }
}
