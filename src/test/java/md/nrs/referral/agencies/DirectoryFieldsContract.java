package md.nrs.referral.agencies;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's fields of V13 over real HTTP: district, language, notify, a partner abroad's country and
 * consent purpose, guardianship as a service found per district; the seed's territorial teams; a bad value is
 * a 400 naming the field and changes nothing. Run on H2 ({@link DirectoryFieldsOnH2Test}) and PostgreSQL
 * ({@link DirectoryFieldsOnPostgresTest}), where the migration's checks must hold too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoryFieldsContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired Agencies agencies;
  @Autowired ConsentPolicy consentPolicy;
  @Autowired ConsentRegistry consents;
  @Autowired CaseCodes caseCodes;
  @Autowired TransactionTemplate transaction;
  @LocalServerPort int port;

  PlatformHttp http;
  final Credentials admin = basic("df.admin", PASSWORD);
  final Credentials caseworker = basic("df.caseworker", PASSWORD);

  @BeforeAll
  void staff() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "df.admin", PASSWORD, "camunda-admin");
    TestUsers.ensure(engine, "df.caseworker", PASSWORD, "la-strada", "caseworkers");
  }

  @Test
  void theSeedHasTerritorialTeamsAndGuardianshipAuthoritiesPerDistrictAndPartnersAbroadWithTheirCountry() throws Exception {
    JsonNode list = JSON.readTree(http.get("/api/agencies", caseworker).body());
    for (String district : List.of("chisinau", "balti", "cahul", "comrat")) {
      JsonNode mdt = byId(list, "mdt-" + district);
      assertThat(mdt.get("kind").asText()).isEqualTo("team");
      assertThat(mdt.get("district").asText()).isEqualTo(district);
      JsonNode guardianship = byId(list, "guardianship-" + district);
      assertThat(guardianship.get("district").asText()).isEqualTo(district);
      assertThat(texts(guardianship.get("services"))).containsExactly("guardianship");
      assertThat(agencies.serving("guardianship", district)).contains("guardianship-" + district);
    }
    assertThat(agencies.serving("guardianship", "transnistria")).contains("guardianship-transnistria");
    assertThat(agencies.activeInDistrict("transnistria")).contains("interaction", "guardianship-transnistria");
    JsonNode interaction = byId(list, "interaction");
    assertThat(interaction.get("district").asText()).isEqualTo("transnistria");
    assertThat(interaction.get("language").asText()).as("its trustline works in Russian").isEqualTo("ru");
    for (String partner : List.of("veritas", "embassy-md-italy")) {
      JsonNode abroad = byId(list, partner);
      assertThat(texts(abroad.get("regions"))).containsExactly("abroad");
      assertThat(abroad.get("consentPurpose").asText()).isEqualTo(ConsentRegistry.PARTNER_ABROAD);
    }
    assertThat(byId(list, "veritas").get("country").asText()).isEqualTo("UA");
    assertThat(byId(list, "embassy-md-italy").get("country").asText()).isEqualTo("IT");
    JsonNode laStrada = byId(list, "la-strada");
    assertThat(laStrada.get("language").asText()).as("the default").isEqualTo("ro");
    assertThat(laStrada.get("notify").asText()).isEqualTo("per-task");
    assertThat(laStrada.get("country").isNull()).isTrue();
  }

  @Test
  void anAdministratorCreatesAndChangesAPartnerAbroadWithItsCountryLanguageDigestAndConsentPurpose() throws Exception {
    String id = "ngo-de-" + Long.toString(System.nanoTime(), 36);
    Map<String, Object> partner = partnerAbroad(id);
    Response created = http.post("/api/agencies", admin, JSON.writeValueAsString(partner));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    assertThat(body.get("country").asText()).isEqualTo("DE");
    assertThat(body.get("language").asText()).isEqualTo("en");
    assertThat(body.get("notify").asText()).isEqualTo("daily-digest");
    assertThat(body.get("consentPurpose").asText()).isEqualTo("partner-abroad");

    partner.put("language", "ru");
    partner.put("notify", "per-task");
    partner.put("active", true);
    partner.put("version", body.get("version").asLong());
    Response changed = http.put("/api/agencies/" + id, admin, JSON.writeValueAsString(partner));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(JSON.readTree(http.get("/api/agencies/" + id, caseworker).body()).get("language").asText()).isEqualTo("ru");

    // nothing is shared with it without the consent purpose the directory names for it
    String code = caseCodes.next();
    transaction.executeWithoutResult(s -> {
      consents.record(code, ConsentRegistry.ASSISTANCE, true, "df.caseworker", "la-strada", "test");
      consents.record(code, ConsentRegistry.shareWith(id), true, "df.caseworker", "la-strada", "test");
    });
    assertThat(consentPolicy.mayNotify(code, id).allowed()).isFalse();
    transaction.executeWithoutResult(s -> consents.record(code, ConsentRegistry.PARTNER_ABROAD, true, "df.caseworker",
        "la-strada", "test"));
    assertThat(consentPolicy.mayNotify(code, id).allowed()).isTrue();
  }

  @Test
  void anUnknownLanguageDistrictCountryNotifyOrConsentPurposeIsA400NamingEachFieldAndNothingIsCreated() throws Exception {
    String id = "ngo-bad-" + Long.toString(System.nanoTime(), 36);
    Map<String, Object> bad = partnerAbroad(id);
    bad.put("language", "fr");
    bad.put("district", "paris");
    bad.put("country", "XX");
    bad.put("notify", "hourly");
    bad.put("consentPurpose", "anything");
    Response refused = http.post("/api/agencies", admin, JSON.writeValueAsString(bad));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("consentPurpose", "country", "district", "language", "notify");
    assertThat(refused.body()).doesNotContain("paris", "hourly", "anything");
    assertThat(http.get("/api/agencies/" + id, caseworker).status()).isEqualTo(404);
  }

  @Test
  void aPartnerAbroadNeedsItsCountryAndAnExternalTaskChannelHasNoDigest() throws Exception {
    Map<String, Object> noCountry = partnerAbroad("ngo-nocountry-" + Long.toString(System.nanoTime(), 36));
    noCountry.remove("country");
    Response refused = http.post("/api/agencies", admin, JSON.writeValueAsString(noCountry));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("country");

    Map<String, Object> fetcher = new LinkedHashMap<>(); // the directory API's fields, not process variables
    fetcher.put("id", "ngo-fetch-" + Long.toString(System.nanoTime(), 36));
    fetcher.put("name", "NGO fetching its tasks");
    fetcher.put("kind", "agency");
    fetcher.put("channel", "external-task");
    fetcher.put("externalTaskTopic", "ngo-fetch");
    fetcher.put("notify", "daily-digest");
    fetcher.put("district", "balti");
    Response digestRefused = http.post("/api/agencies", admin, JSON.writeValueAsString(fetcher));
    assertThat(digestRefused.status()).isEqualTo(400);
    assertThat(fields(digestRefused)).containsExactly("notify");
    assertThat(http.get("/api/agencies/" + fetcher.get("id"), caseworker).status()).isEqualTo(404);
  }

  // ---

  private static Map<String, Object> partnerAbroad(String id) {
    Map<String, Object> partner = new LinkedHashMap<>();
    partner.put("id", id);
    partner.put("name", "Destination-country NGO, Germany");
    partner.put("kind", "agency");
    partner.put("regions", List.of("abroad"));
    partner.put("channel", "email");
    partner.put("email", "referrals@ngo.example");
    partner.put("language", "en");
    partner.put("notify", "daily-digest");
    partner.put("country", "DE");
    partner.put("consentPurpose", "partner-abroad");
    return partner;
  }

  private static List<String> fields(Response response) throws Exception {
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.body()).get("fieldErrors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static JsonNode byId(JsonNode list, String id) {
    return StreamSupport.stream(list.spliterator(), false).filter(a -> a.get("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no agency " + id));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
