package md.nrs.referral.deadends;

import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import static org.assertj.core.api.Assertions.assertThat;

import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who opens a page that is not theirs (a caseworker's Cockpit or Admin URL) or an address that does
 * not exist lands, in the browser, on the platform's own page that says what happened and links back to
 * Tasklist; API calls keep their JSON error. Run on H2 ({@link DeadEndPagesOnH2Test}) and on PostgreSQL
 * ({@link DeadEndPagesOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadEndPagesContract {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String TASKLIST_LINK = "href=\"/camunda/app/tasklist/\"";

  @Autowired
  ProcessEngine engine;

  @LocalServerPort
  int port;

  private PlatformHttp http;
  private PlatformHttp.WebappSession caseworker;

  @BeforeAll
  void aCaseworkerLoggedIntoTasklist() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "de.caseworker", PASSWORD, "la-strada", "caseworkers");
    caseworker = http.login("tasklist", "de.caseworker", PASSWORD);
    assertThat(caseworker.loginResponse().status()).isEqualTo(200);
  }

  @Test
  void aCaseworkersBrowserOpeningCockpitGetsTheBrandedPageWithTheWayBackToTasklist() {
    Response page = http.get("/camunda/app/cockpit/default/", asBrowser(caseworker));

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<title>NRS Referral Platform", "Cockpit is for managers and policy staff",
        "Cockpit este pentru manageri", "Your work is in Tasklist", TASKLIST_LINK).doesNotContain("Whitelabel", "status=403");
  }

  @Test
  void aCaseworkersBrowserOpeningAdminGetsTheBrandedPageToo() {
    Response page = http.get("/camunda/app/admin/default/", asBrowser(caseworker));

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("Admin is for administrators", TASKLIST_LINK).doesNotContain("Whitelabel");
  }

  @Test
  void aBrowserOpeningAnAddressThatDoesNotExistGetsTheBrandedNotFoundPage() {
    Response page = http.get("/no-such-page", asBrowser(caseworker));

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<title>NRS Referral Platform", "This page does not exist", "Pagina nu există",
        TASKLIST_LINK).doesNotContain("Whitelabel", "status=404");
  }

  @Test
  void anApiClientRefusedCockpitStillGetsItsJsonError() {
    Response refused = http.get("/camunda/app/cockpit/default/", caseworker);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).containsPattern("^application/(problem\\+)?json");
    assertThat(refused.body()).contains("\"type\"", "\"message\"").doesNotContain("<html", "NRS Referral Platform –");
  }

  @Test
  void cockpitsApiRefusesACaseworkerInJsonEvenWhenHtmlIsAskedFor() {
    Response refused = http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        asBrowser(caseworker));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith(Problems.CONTENT_TYPE);
    assertThat(refused.body()).contains("\"type\":\"" + ProblemType.FORBIDDEN.uri() + "\"").doesNotContain("<html");
  }

  @Test
  void anApiClientAskingForAnAddressThatDoesNotExistStillGetsJson() {
    Response missing = http.get("/no-such-page", caseworker);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).containsPattern("^application/(problem\\+)?json");
    assertThat(missing.body()).contains("\"type\"").doesNotContain("<html");
  }

  /** The session's cookies, with the Accept header a browser sends for a page. */
  private static Credentials asBrowser(Credentials session) {
    return builder -> {
      session.apply(builder);
      builder.setHeader("Accept", BROWSER_ACCEPT);
    };
  }
}
