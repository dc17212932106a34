package md.nrs.referral.agencies.directory;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.caseexit.CasesOnTheirWay;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.crossborder.OutboundReferralProcess;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forms and triage read the agency directory, not fixed lists (issue 15 item 2), over real HTTP: the transfer's
 * receiving team and the consent's agencies are the directory's active ones when the form is opened (an agency
 * deactivated is gone from both); a referral naming Balti goes to Balti's team; consent to share with a team the
 * directory holds is recorded, one it does not hold is a 400 naming shareWithAgencies and nothing is recorded. The
 * forms that name a partner abroad (issue 18) offer the directory's active partners abroad with their country: one an
 * administrator adds is offered at once, once retired it is not, and a request naming it is a 400 naming partnerAgency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsReadTheDirectoryOverHttpTest {

  private static final String PASSWORD = "Test#Directory-2026";
  private static final Credentials BALTI = basic("fd.balti", PASSWORD);
  private static final Credentials CHISINAU = basic("fd.chisinau", PASSWORD);
  private static final Credentials ADMIN = basic("fd.admin", PASSWORD);
  private static final Credentials LA_STRADA = basic("fd.lastrada", PASSWORD);
  private static final Credentials COORDINATOR = basic("fd.coordinator", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgencyRepository agencies;
  @Autowired ConsentRegistry consents;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "fd.balti", PASSWORD, "mdt-balti", "caseworkers");
    TestUsers.ensure(engine, "fd.chisinau", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "fd.admin", PASSWORD, "camunda-admin");
    TestUsers.ensure(engine, "fd.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "fd.coordinator", PASSWORD, NrsRole.NRS_COORDINATORS.groupId());
  }

  @Test
  void theRequestAbroadOffersThePartnersAbroadAnAdministratorAddsAndForgetsOneRetired() throws Exception {
    String id = "ngo-it-" + Long.toString(System.nanoTime(), 36);
    Response created = http.post("/api/agencies", ADMIN, json.writeValueAsString(partnerAbroad(id, null, null)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    JsonNode offered = field(startForm(OutboundReferralProcess.KEY, LA_STRADA), "partnerAgency");
    assertThat(offered.has("valuesKey")).as("served with the options themselves").isFalse();
    assertThat(options(offered)).containsEntry(id, "Destination-country NGO, Italy (IT)").containsKey("veritas")
        .as("only partners abroad").doesNotContainKeys("mdt-balti", "la-strada");

    Response retired = http.put("/api/agencies/" + id, ADMIN, json.writeValueAsString(partnerAbroad(id, false,
        json.readTree(created.body()).get("version").asLong())));
    assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
    assertThat(options(field(startForm(OutboundReferralProcess.KEY, LA_STRADA), "partnerAgency")))
        .doesNotContainKey(id).containsKey("veritas");

    String code = referIn("balti").getBusinessKey();
    Response refused = http.post("/engine-rest/process-definition/key/" + OutboundReferralProcess.KEY + "/submit-form",
        COORDINATOR, """
            {"variables": {"caseCode": {"value": "%s"}, "partnerAgency": {"value": "%s"},
             "assistanceNeeded": {"value": "[\\"shelter\\"]", "type": "Json"}}}""".formatted(code, id));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("fieldErrors").get(0).path("field").asText())
        .isEqualTo(OutboundReferralProcess.PARTNER_AGENCY.name());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(OutboundReferralProcess.KEY)
        .processInstanceBusinessKey(code).count()).as("nothing started").isZero();
  }

  @Test
  void theTransferFormOffersTheDirectorysActiveTeamsAndForgetsADeactivatedOne() throws Exception {
    JsonNode toTeam = field(startForm("case-transfer"), "toTeam");
    assertThat(toTeam.path("type").asText()).isEqualTo("select");
    assertThat(toTeam.has("valuesKey")).as("served with the options themselves").isFalse();
    assertThat(options(toTeam)).containsKeys("mdt-balti", "mdt-cahul", "mdt-comrat", "mdt-chisinau", "interaction", "iom");
    assertThat(options(toTeam).get("mdt-balti")).isEqualTo("Territorial multidisciplinary team, Balti (balti)");

    setActive("mdt-cahul", false);
    try {
      assertThat(options(field(startForm("case-transfer"), "toTeam"))).doesNotContainKey("mdt-cahul")
          .containsKey("mdt-balti");
    } finally {
      setActive("mdt-cahul", true);
    }
  }

  @Test
  void aReferralNamingBaltiGoesToBaltisTeamAndItsConsentSharesWithAgenciesOfTheDirectory() throws Exception {
    ProcessInstance referral = referIn("balti");
    String code = referral.getBusinessKey();
    Task interview = openTask(referral);
    assertThat(engine.getTaskService().getIdentityLinksForTask(interview.getId())).extracting(l -> l.getGroupId())
        .containsExactly("mdt-balti");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).taskCandidateUser("fd.chisinau")
        .count()).as("Chisinau's team is not offered it").isZero();
    submit(interview, CasesOnTheirWay.identified(), BALTI, 204);

    Task consent = openTask(referral);
    JsonNode share = field(json.readTree(http.get("/engine-rest/task/" + consent.getId() + "/deployed-form", BALTI).body()),
        "shareWithAgencies");
    assertThat(options(share)).containsKeys("mdt-balti", "la-strada", "guardianship-balti", "iom");

    Response unknown = submit(consent, InformedConsent.given("mdt-balti", "no-such-agency").submission(), BALTI, 400);
    assertThat(json.readTree(unknown.body()).path("message").asText()).contains("no-such-agency");
    assertThat(json.readTree(unknown.body()).path("fieldErrors").get(0).path("field").asText())
        .isEqualTo(NrsCaseProcess.SHARE_WITH_AGENCIES.name());
    assertThat(consents.current(code, ConsentRegistry.ASSISTANCE)).as("nothing recorded").isEmpty();

    submit(consent, InformedConsent.given("mdt-balti", "la-strada").submission(), BALTI, 204);
    assertThat(consents.current(code, ConsentRegistry.shareWith("mdt-balti"))).contains(true);
    assertThat(consents.current(code, ConsentRegistry.shareWith("la-strada"))).contains(true);
    assertThat(consents.current(code, ConsentRegistry.shareWith("mdt-cahul"))).contains(false);
  }

  @Test
  void aDistrictWithoutAnActiveTeamFallsBackToTriagesOwnTeam() {
    assertThat(engine.getTaskService().getIdentityLinksForTask(openTask(referIn("north")).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("mdt-chisinau");
    setActive("mdt-comrat", false);
    try {
      assertThat(engine.getTaskService().getIdentityLinksForTask(openTask(referIn("comrat")).getId()))
          .extracting(l -> l.getGroupId()).containsExactly("mdt-chisinau");
    } finally {
      setActive("mdt-comrat", true);
    }
    assertThat(engine.getTaskService().getIdentityLinksForTask(openTask(referIn("comrat")).getId()))
        .extracting(l -> l.getGroupId()).containsExactly("mdt-comrat");
  }

  // --- helpers

  /** A destination-country NGO in Italy, reached by e-mail, shared with only under the consent to inform a partner abroad. */
  private static AgencyRequest partnerAbroad(String id, Boolean active, Long version) {
    return new AgencyRequest(id, "Destination-country NGO, Italy", "agency", List.of(), List.of("abroad"), null, "email",
        null, null, "referrals@ngo.example", null, active, version, null, null, null, "IT", "partner-abroad");
  }

  private ProcessInstance referIn(String district) {
    Map<String, Object> form = new HashMap<>();
    form.put(NrsCaseProcess.CHANNEL.name(), "police-cctp");
    form.put(NrsCaseProcess.LOCATION.name(), "moldova");
    form.put(NrsCaseProcess.DISTRICT.name(), district);
    form.put(NrsCaseProcess.CATEGORY.name(), "trafficking");
    form.put(NrsCaseProcess.MINOR.name(), false);
    form.put(NrsCaseProcess.AGE_BAND.name(), "18+");
    form.put(NrsCaseProcess.SEX.name(), "female");
    form.put(NrsCaseProcess.IMMEDIATE_DANGER.name(), false);
    return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId(), form);
  }

  private Task openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKeyIn(NrsCaseProcess.Elements.IDENTIFICATION, NrsCaseProcess.Elements.CONSENT).singleResult();
  }

  private Response submit(Task task, Map<String, Object> form, Credentials who, int status) {
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", who, formSubmission(form));
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    return response;
  }

  private JsonNode startForm(String key) throws Exception {
    return startForm(key, CHISINAU);
  }

  private JsonNode startForm(String key, Credentials who) throws Exception {
    Response form = http.get("/engine-rest/process-definition/key/" + key + "/deployed-start-form", who);
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    return json.readTree(form.body());
  }

  private void setActive(String id, boolean active) {
    Agency agency = agencies.findById(id).orElseThrow();
    agency.setActive(active);
    agencies.saveAndFlush(agency);
  }

  private static JsonNode field(JsonNode form, String key) {
    List<JsonNode> found = new ArrayList<>();
    collect(form.path("components"), key, found);
    assertThat(found).as("field " + key).hasSize(1);
    return found.get(0);
  }

  private static void collect(JsonNode components, String key, List<JsonNode> found) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        found.add(component);
      }
      collect(component.path("components"), key, found);
    }
  }

  private static Map<String, String> options(JsonNode field) {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    field.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
    return options;
  }
}
