package md.nrs.referral.agencies;

import md.nrs.referral.agencies.directory.Agency;
import md.nrs.referral.agencies.directory.AgencyDirectorySeeder;
import md.nrs.referral.agencies.directory.AgencyRepository;
import md.nrs.referral.errors.ProblemType;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-directory;DB_CLOSE_DELAY=-1",
    "nrs.shelter.places=31"})
class AgencyDirectoryTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String SECRET = "s3cret-for-signing-webhooks";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired AgencyRepository agencies;
  @Autowired AgencyDirectorySeeder seeder;
  @Autowired TransactionTemplate transaction;
  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  PlatformHttp http;
  Credentials admin = basic("dir.admin", PASSWORD);
  Credentials caseworker = basic("dir.caseworker", PASSWORD);

  @BeforeEach
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "dir.admin", PASSWORD, "camunda-admin");
    TestUsers.ensure(engine, "dir.caseworker", PASSWORD, "la-strada", "caseworkers");
  }

  @Test
  void everyoneSignedInSeesTheSeededAgenciesAndTeamsWithTheirNamesAndNoContactsOrSecrets() {
    Response list = http.get("/api/agencies", caseworker);

    assertThat(list.status()).isEqualTo(200);
    JsonNode agencies = json(list);
    JsonNode cap = byId(agencies, "cap-chisinau");
    assertThat(cap.get("name").asText()).startsWith("Centre for Assistance and Protection");
    assertThat(cap.get("kind").asText()).isEqualTo("agency");
    assertThat(texts(cap.get("services"))).containsExactly("legal", "medical", "psychological", "shelter");
    assertThat(texts(cap.get("regions"))).containsExactly("chisinau", "national");
    assertThat(cap.get("shelterPlaces").asInt()).isEqualTo(31); // nrs.shelter.places at first seeding
    assertThat(texts(byId(agencies, "iom").get("services"))).containsExactly("repatriation");
    assertThat(texts(byId(agencies, "interaction").get("regions"))).containsExactly("transnistria");
    assertThat(texts(byId(agencies, "veritas").get("regions"))).containsExactly("abroad");
    assertThat(byId(agencies, "la-strada").get("services")).isEmpty();
    assertThat(byId(agencies, "mdt-chisinau").get("kind").asText()).isEqualTo("team");
    for (JsonNode agency : agencies) {
      assertThat(agency.has("webhookSecret")).as(agency.get("id").asText()).isFalse();
    }
    for (String seeded : List.of("mlsp", "gpi", "la-strada", "iom", "mdt-chisinau", "community-social-workers")) {
      JsonNode agency = byId(agencies, seeded);
      assertThat(agency.get("channel").asText()).isEqualTo("none");
      assertThat(agency.get("webhookUrl").isNull()).isTrue();
      assertThat(agency.get("email").isNull()).isTrue();
      assertThat(agency.get("webhookSecretSet").asBoolean()).isFalse();
      assertThat(agency.get("active").asBoolean()).isTrue();
    }
  }

  @Test
  void anAdministratorCreatesAnAgencyReachedByWebhookAndItBecomesACamundaGroup() {
    Response created = http.post("/api/agencies", admin, jsonOf(webhookAgency("ngo-north", "NGO North")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/agencies/ngo-north");
    assertThat(created.body()).doesNotContain(SECRET);
    JsonNode body = json(created);
    assertThat(body.has("webhookSecret")).isFalse();
    assertThat(body.get("webhookSecretSet").asBoolean()).isTrue();
    assertThat(body.get("channel").asText()).isEqualTo("webhook");
    assertThat(body.get("webhookUrl").asText()).isEqualTo("https://ngo-north.example.org/nrs/hook");
    assertThat(texts(body.get("services"))).containsExactly("legal", "social");
    assertThat(texts(body.get("regions"))).containsExactly("balti", "north");
    assertThat(body.get("version").asLong()).isZero();

    Group group = engine.getIdentityService().createGroupQuery().groupId("ngo-north").singleResult();
    assertThat(group).isNotNull();
    assertThat(group.getName()).isEqualTo("NGO North");
    assertThat(group.getType()).isEqualTo("agency");
    assertThat(agencies.findById("ngo-north")).get().extracting(Agency::getWebhookSecret).isEqualTo(SECRET);

    Response read = http.get("/api/agencies/ngo-north", caseworker);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(SECRET);
    assertThat(json(read).has("webhookSecret")).isFalse();
    assertThat(json(read).get("webhookSecretSet").asBoolean()).isTrue();
    assertThat(http.get("/api/agencies", caseworker).body()).doesNotContain(SECRET);
  }

  @Test
  void aBadWebhookUrlIsRefusedNamingTheFieldAndNothingIsCreated() {
    Map<String, Object> agency = webhookAgency("ngo-badurl", "NGO with a bad URL");
    agency.put("webhookUrl", "ftp://files.example.org/hook");

    Response refused = http.post("/api/agencies", admin, jsonOf(agency));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(json(refused).get("type").asText()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
    assertThat(fields(refused)).containsExactly("webhookUrl");
    assertThat(refused.body()).doesNotContain("files.example.org");
    assertNothingCreated("ngo-badurl");
  }

  @Test
  void anUnknownServiceTypeIsRefusedNamingTheFieldAndNothingIsCreated() {
    Map<String, Object> agency = agency("ngo-unknown-service", "NGO offering astrology");
    agency.put("services", List.of("legal", "astrology"));

    Response refused = http.post("/api/agencies", admin, jsonOf(agency));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("services[1]");
    assertThat(refused.body()).contains("must be one of: legal, medical").doesNotContain("astrology");
    assertNothingCreated("ngo-unknown-service");
  }

  @Test
  void aNegativeShelterCapacityIsRefusedNamingTheFieldAndNothingIsCreated() {
    Map<String, Object> agency = agency("ngo-negative", "NGO with negative places");
    agency.put("shelterPlaces", -3);

    Response refused = http.post("/api/agencies", admin, jsonOf(agency));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("shelterPlaces");
    assertNothingCreated("ngo-negative");
  }

  @Test
  void everyBadFieldIsNamedInOneAnswerWithoutEchoingTheValues() {
    Map<String, Object> agency = new LinkedHashMap<>();
    agency.put("id", "-Bad_Id");
    agency.put("name", " ");
    agency.put("kind", "ministry");
    agency.put("regions", List.of("chisinau", "atlantis"));
    agency.put("shelterPlaces", -1);
    agency.put("channel", "email");
    agency.put("email", "not-an-address");
    agency.put("webhookSecret", "short");
    agency.put("externalTaskTopic", "Bad Topic");

    Response refused = http.post("/api/agencies", admin, jsonOf(agency));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).contains("id", "name", "kind", "regions[1]", "shelterPlaces", "email", "webhookSecret",
        "externalTaskTopic");
    assertThat(json(refused).get("message").asText()).contains("id", "regions[1]", "webhookSecret");
    assertThat(refused.body()).doesNotContain("Bad_Id", "atlantis", "not-an-address", "Bad Topic", "ministry");
  }

  @Test
  void eachChannelNeedsItsContact() {
    Map<String, Object> webhook = agency("ngo-hook-only", "NGO with a hook but no secret");
    webhook.put("channel", "webhook");
    webhook.put("webhookUrl", "https://example.org/hook");
    Map<String, Object> email = agency("ngo-mail-only", "NGO without an address");
    email.put("channel", "email");
    Map<String, Object> externalTask = agency("ngo-task-only", "NGO without a topic");
    externalTask.put("channel", "external-task");
    Map<String, Object> noUrl = agency("ngo-no-url", "NGO with a secret but no URL");
    noUrl.put("channel", "webhook");
    noUrl.put("webhookSecret", SECRET);

    assertThat(fields(http.post("/api/agencies", admin, jsonOf(webhook)))).containsExactly("webhookSecret");
    assertThat(fields(http.post("/api/agencies", admin, jsonOf(email)))).containsExactly("email");
    assertThat(fields(http.post("/api/agencies", admin, jsonOf(externalTask)))).containsExactly("externalTaskTopic");
    assertThat(fields(http.post("/api/agencies", admin, jsonOf(noUrl)))).containsExactly("webhookSecret", "webhookUrl");
    externalTask.put("externalTaskTopic", "ngo-task-referrals");
    assertThat(http.post("/api/agencies", admin, jsonOf(externalTask)).status()).isEqualTo(201);
  }

  @Test
  void malformedJsonOrAValueOfTheWrongTypeIsABadRequest() {
    Response notJson = http.post("/api/agencies", admin, "{\"id\": \"ngo-broken\", ");
    Map<String, Object> wrongType = agency("ngo-wrong-type", "NGO with text for places");
    wrongType.put("shelterPlaces", "plenty");
    Response textForNumber = http.post("/api/agencies", admin, jsonOf(wrongType));

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(json(notJson).get("type").asText()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
    assertThat(textForNumber.status()).isEqualTo(400);
    assertThat(fields(textForNumber)).containsExactly("shelterPlaces");
    assertThat(textForNumber.body()).doesNotContain("plenty");
    assertNothingCreated("ngo-broken");
    assertNothingCreated("ngo-wrong-type");
  }

  @Test
  void anIdAlreadyTakenByAnAgencyOrAnotherGroupIsAConflict() {
    Response agency = http.post("/api/agencies", admin, jsonOf(agency("cap-chisinau", "Another CAP")));
    Response role = http.post("/api/agencies", admin, jsonOf(agency("caseworkers", "Caseworkers as an agency")));

    assertThat(agency.status()).isEqualTo(409);
    assertThat(json(agency).get("type").asText()).isEqualTo(ProblemType.CONFLICT.uri().toString());
    assertThat(role.status()).isEqualTo(409);
    assertThat(agencies.findById("cap-chisinau")).get().extracting(Agency::getName).asString()
        .startsWith("Centre for Assistance");
    assertThat(agencies.existsById("caseworkers")).isFalse();
  }

  @Test
  void aCaseworkerCanNeitherCreateNorChangeAnAgencyAndAnonymousCallersAreNotServed() {
    Response create = http.post("/api/agencies", caseworker, jsonOf(agency("ngo-by-caseworker", "Mine")));
    Map<String, Object> change = agency("la-strada", "La Strada, renamed by a caseworker");
    change.put("active", true);
    change.put("version", 0);
    Response update = http.put("/api/agencies/la-strada", caseworker, jsonOf(change));

    assertThat(create.status()).isEqualTo(403);
    assertThat(json(create).get("type").asText()).isEqualTo(ProblemType.FORBIDDEN.uri().toString());
    assertThat(update.status()).isEqualTo(403);
    assertNothingCreated("ngo-by-caseworker");
    assertThat(agencies.findById("la-strada")).get().extracting(Agency::getName).isEqualTo("La Strada (NGO)");
    assertThat(http.get("/api/agencies", null).status()).isEqualTo(401);
    assertThat(http.post("/api/agencies", null, jsonOf(agency("ngo-anonymous", "Anonymous"))).status()).isEqualTo(401);
    assertNothingCreated("ngo-anonymous");
  }

  @Test
  void anUpdateBasedOnAnOutdatedVersionIsRefusedAndTheSecretIsKeptUnlessReplaced() {
    assertThat(http.post("/api/agencies", admin, jsonOf(webhookAgency("ngo-south", "NGO South"))).status()).isEqualTo(201);
    Map<String, Object> first = webhookAgency("ngo-south", "NGO South (Cahul)");
    first.remove("webhookSecret"); // never read back, so an update usually does not send it
    first.put("regions", List.of("cahul", "south"));
    first.put("active", true);
    first.put("version", 0);

    Response updated = http.put("/api/agencies/ngo-south", admin, jsonOf(first));
    Map<String, Object> late = new LinkedHashMap<>(first);
    late.put("name", "NGO South, from a stale form");
    Response stale = http.put("/api/agencies/ngo-south", admin, jsonOf(late));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(json(updated).get("version").asLong()).isEqualTo(1);
    assertThat(json(updated).get("webhookSecretSet").asBoolean()).isTrue();
    assertThat(stale.status()).isEqualTo(409);
    assertThat(json(stale).get("type").asText()).isEqualTo(ProblemType.CONCURRENT_CHANGE.uri().toString());
    JsonNode current = json(http.get("/api/agencies/ngo-south", admin));
    assertThat(current.get("name").asText()).isEqualTo("NGO South (Cahul)");
    assertThat(texts(current.get("regions"))).containsExactly("cahul", "south");
    assertThat(agencies.findById("ngo-south")).get().extracting(Agency::getWebhookSecret).isEqualTo(SECRET);
    assertThat(engine.getIdentityService().createGroupQuery().groupId("ngo-south").singleResult().getName())
        .isEqualTo("NGO South (Cahul)");

    Map<String, Object> newSecret = new LinkedHashMap<>(first);
    newSecret.put("version", 1);
    newSecret.put("webhookSecret", "another-secret-of-the-agency");
    assertThat(http.put("/api/agencies/ngo-south", admin, jsonOf(newSecret)).status()).isEqualTo(200);
    assertThat(agencies.findById("ngo-south")).get().extracting(Agency::getWebhookSecret)
        .isEqualTo("another-secret-of-the-agency");
  }

  @Test
  void anAgencyIsRetiredWithActiveFalseAndNeverDeleted() {
    assertThat(http.post("/api/agencies", admin, jsonOf(agency("ngo-retired", "NGO closing down"))).status())
        .isEqualTo(201);
    Map<String, Object> retire = agency("ngo-retired", "NGO closing down");
    retire.put("active", false);
    retire.put("version", 0);

    Response retired = http.put("/api/agencies/ngo-retired", admin, jsonOf(retire));
    Response delete = http.delete("/api/agencies/ngo-retired", admin);

    assertThat(retired.status()).isEqualTo(200);
    assertThat(json(retired).get("active").asBoolean()).isFalse();
    assertThat(delete.status()).isEqualTo(405);
    assertThat(json(delete).get("message").asText()).contains("\"active\": false");
    assertThat(json(http.get("/api/agencies/ngo-retired", caseworker)).get("active").asBoolean()).isFalse();
    assertThat(engine.getIdentityService().createGroupQuery().groupId("ngo-retired").count()).isEqualTo(1);
  }

  @Test
  void anUnknownAgencyIsNotFound() {
    Map<String, Object> change = agency("ngo-nowhere", "Nowhere");
    change.put("active", true);
    change.put("version", 0);

    assertThat(http.get("/api/agencies/ngo-nowhere", caseworker).status()).isEqualTo(404);
    assertThat(http.put("/api/agencies/ngo-nowhere", admin, jsonOf(change)).status()).isEqualTo(404);
  }

  @Test
  void seedingAgainAddsNothingKeepsWhatAdministratorsChangedAndRestoresAMissingGroup() {
    assertThat(http.post("/api/agencies", admin, jsonOf(agency("ngo-regrouped", "NGO whose group was deleted"))).status())
        .isEqualTo(201);
    engine.getIdentityService().deleteGroup("ngo-regrouped");
    long before = agencies.count();

    transaction.executeWithoutResult(status -> seeder.seed());
    transaction.executeWithoutResult(status -> seeder.seed());

    assertThat(agencies.count()).isEqualTo(before);
    assertThat(engine.getIdentityService().createGroupQuery().groupId("ngo-regrouped").singleResult().getName())
        .isEqualTo("NGO whose group was deleted");
    assertThat(agencies.findById("cap-chisinau")).get().extracting(Agency::getShelterPlaces).isEqualTo(31);
  }

  private void assertNothingCreated(String id) {
    assertThat(agencies.existsById(id)).isFalse();
    assertThat(engine.getIdentityService().createGroupQuery().groupId(id).count()).isZero();
  }

  private static Map<String, Object> agency(String id, String name) {
    Map<String, Object> agency = new LinkedHashMap<>();
    agency.put("id", id);
    agency.put("name", name);
    agency.put("kind", "agency");
    return agency;
  }

  private static Map<String, Object> webhookAgency(String id, String name) {
    Map<String, Object> agency = agency(id, name);
    agency.put("services", List.of("social", "legal"));
    agency.put("regions", List.of("north", "balti"));
    agency.put("channel", "webhook");
    agency.put("webhookUrl", "https://" + id + ".example.org/nrs/hook");
    agency.put("webhookSecret", SECRET);
    return agency;
  }

  private static String jsonOf(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response, e);
    }
  }

  private static JsonNode byId(JsonNode agencies, String id) {
    return StreamSupport.stream(agencies.spliterator(), false).filter(a -> id.equals(a.get("id").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("No agency " + id + " in " + agencies));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> fields(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json(response).get("fieldErrors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }
}
