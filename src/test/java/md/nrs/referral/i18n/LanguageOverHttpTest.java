package md.nrs.referral.i18n;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The server answers in the caller's language: forms, names and 400s by Accept-Language, or the user's own setting. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-i18n-http;DB_CLOSE_DELAY=-1")
class LanguageOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String REGISTER = "/engine-rest/process-definition/key/nrs-case/submit-form";

  @Autowired ProcessEngine engine;
  @Autowired UserLanguages languages;
  @LocalServerPort int port;

  private PlatformHttp http;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aCaseworkerWithoutAChosenLanguage() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "i18n.lastrada", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "i18n.admin", PASSWORD, "camunda-admin");
    languages.set("i18n.lastrada", java.util.Optional.empty());
  }

  @Test
  void theSameBadSubmissionIsAnsweredInRomanianRussianAndEnglish() throws Exception {
    JsonNode ro = json.readTree(http.post(REGISTER, in("ro-RO,ro;q=0.9"), "{\"variables\":{}}").body());
    JsonNode ru = json.readTree(http.post(REGISTER, in("ru-RU"), "{\"variables\":{}}").body());
    JsonNode en = json.readTree(http.post(REGISTER, in("en-GB"), "{\"variables\":{}}").body());

    assertThat(ro.get("message").asText()).contains("Referit de (canal): alegeți cum a venit referirea");
    assertThat(ru.get("message").asText()).contains("Кем направлен (канал): выберите, как поступило направление");
    assertThat(en.get("message").asText()).contains("channel: choose how the referral came");
    // the codes stay for machines
    for (JsonNode answer : new JsonNode[] {ro, ru, en}) {
      assertThat(answer.get("type").asText()).isEqualTo("urn:nrs:problem:invalid-form");
      assertThat(answer.get("detail").asText()).as("problem details' own text, translated too").isEqualTo(answer.get("message").asText());
      assertThat(answer.get("form").asText()).isEqualTo("register-referral");
      assertThat(answer.get("fieldErrors").findValuesAsText("field")).contains("channel", "category");
    }
    assertThat(ru.get("fieldErrors").toString()).contains("выберите категорию");
  }

  @Test
  void theStartFormComesInTheCallersLanguageWithItsStoredValuesUnchanged() throws Exception {
    JsonNode form = json.readTree(http.get("/engine-rest/process-definition/key/nrs-case/deployed-start-form", in("ru")).body());

    assertThat(form.toString()).contains("Кем направлен (канал)", "Горячая линия (La Strada)", "\"value\":\"hotline-la-strada\"")
        .doesNotContain("Referit de (canal)");
  }

  @Test
  void theUsersOwnLanguageWinsOverTheBrowsers() throws Exception {
    var set = http.put("/api/me/language", basic("i18n.lastrada", PASSWORD), "{\"language\":\"ru\"}");
    assertThat(set.status()).isEqualTo(200);

    JsonNode answer = json.readTree(http.post(REGISTER, in("ro-RO"), "{\"variables\":{}}").body());

    assertThat(answer.get("message").asText()).contains("Кем направлен (канал)");
    assertThat(http.get("/api/me/language", basic("i18n.lastrada", PASSWORD)).body()).contains("\"language\":\"ru\"");
  }

  @Test
  void anAdministratorSetsAUsersLanguageAndNobodyElseDoes() {
    assertThat(http.put("/api/users/i18n.lastrada/language", basic("i18n.lastrada", PASSWORD), "{\"language\":\"ro\"}")
        .status()).isEqualTo(403);
    assertThat(http.put("/api/users/i18n.lastrada/language", basic("i18n.admin", PASSWORD), "{\"language\":\"ro\"}")
        .status()).isEqualTo(200);
    assertThat(languages.of("i18n.lastrada")).contains(Language.RO);
  }

  @Test
  void aLanguageThePlatformDoesNotSpeakIsRefusedNamingTheField() {
    var answer = http.put("/api/me/language", basic("i18n.lastrada", PASSWORD), "{\"language\":\"de\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"language\"");
    assertThat(languages.of("i18n.lastrada")).isEmpty();
  }

  @Test
  void taskProcessAndFilterNamesComeInTheCallersLanguage() {
    assertThat(http.get("/engine-rest/filter?firstResult=0&maxResults=50", in("ru")).body()).contains("Мои задачи", "Просрочено").doesNotContain("My tasks");
    assertThat(http.get("/engine-rest/process-definition?latestVersion=true&key=nrs-case&firstResult=0&maxResults=10", in("ro")).body()).contains("Caz SNR");
  }

  @Test
  void tasklistSetsTheUsersLanguageWithItsSessionAndCsrfTokenAndNeverWithoutTheToken() {
    PlatformHttp.WebappSession tasklist = http.login("tasklist", "i18n.lastrada", PASSWORD);
    Credentials cookiesOnly = builder -> {
      java.net.http.HttpRequest.Builder probe = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://x/"));
      tasklist.apply(probe);
      builder.header("Cookie", probe.build().headers().firstValue("Cookie").orElse(""));
    };

    var forged = http.put("/api/me/language", cookiesOnly, "{\"language\":\"ro\"}");
    assertThat(forged.status()).as("a change without the CSRF token: " + forged).isEqualTo(401);
    assertThat(languages.of("i18n.lastrada")).isEmpty();

    var set = http.put("/api/me/language", tasklist, "{\"language\":\"ro\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(languages.of("i18n.lastrada")).contains(Language.RO);
    assertThat(http.get("/api/me/language", cookiesOnly).body()).contains("\"language\":\"ro\"");
    assertThat(http.get("/api/me", cookiesOnly).status()).as("only the language is open to the session").isEqualTo(401);
  }

  @Test
  void aSharedFilterSavedFromARussianTasklistKeepsItsEnglishNameAndDescription() throws Exception {
    String id = engine.getFilterService().createFilterQuery().filterName("My tasks").singleResult().getId();
    JsonNode shown = json.readTree(http.get("/engine-rest/filter/" + id, as("i18n.admin", "ru")).body());
    assertThat(shown.get("name").asText()).isEqualTo("Мои задачи");

    // the administrator presses Save in Tasklist's filter dialog: it sends back what it was shown
    var saved = http.put("/engine-rest/filter/" + id, as("i18n.admin", "ru"), shown.toString());

    assertThat(saved.status()).as(saved.body()).isEqualTo(204);
    var stored = engine.getFilterService().getFilter(id);
    assertThat(stored.getName()).isEqualTo("My tasks");
    assertThat(stored.getProperties()).containsEntry("description", "Tasks assigned to me, earliest due first");
    assertThat(stored.getProperties().get("variables").toString()).contains("label=Case").doesNotContain("Случай");
    assertThat(http.get("/engine-rest/filter/" + id, as("i18n.admin", "ro")).body()).contains("\"Sarcinile mele\"");
  }

  @Test
  void aFilterGivenANewNameOfItsOwnKeepsItAndOneCreatedUnderATranslatedNameGetsTheOriginal() throws Exception {
    String query = "{\"resourceType\":\"Task\",\"name\":\"%s\",\"query\":{},\"properties\":{\"priority\":90}}";
    var own = http.post("/engine-rest/filter/create", as("i18n.admin", "ru"), query.formatted("Срочные дела Кишинёва"));
    var translated = http.post("/engine-rest/filter/create", as("i18n.admin", "ro"), query.formatted("Termen depășit"));
    try {
      assertThat(own.status()).as(own.body()).isEqualTo(200);
      assertThat(translated.status()).as(translated.body()).isEqualTo(200);
      assertThat(engine.getFilterService().getFilter(json.readTree(own.body()).get("id").asText()).getName())
          .isEqualTo("Срочные дела Кишинёва");
      assertThat(engine.getFilterService().getFilter(json.readTree(translated.body()).get("id").asText()).getName())
          .isEqualTo("Overdue");
    } finally {
      for (var created : List.of(own, translated)) {
        if (created.status() == 200) {
          engine.getFilterService().deleteFilter(json.readTree(created.body()).get("id").asText());
        }
      }
    }
  }

  private static Credentials as(String user, String acceptLanguage) {
    Credentials basic = basic(user, PASSWORD);
    return builder -> {
      basic.apply(builder);
      builder.header("Accept-Language", acceptLanguage);
    };
  }

  private static Credentials in(String acceptLanguage) {
    Credentials user = basic("i18n.lastrada", PASSWORD);
    return builder -> {
      user.apply(builder);
      builder.header("Accept-Language", acceptLanguage);
    };
  }
}
