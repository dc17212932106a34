package md.nrs.referral.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp.WebappSession;
import md.nrs.referral.testing.TestUsers;
import md.nrs.referral.testing.WebSessionExpiry;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps tell the browser to forget what it kept once a session ends (issue 20, item 1), over real
 * HTTP: the logout answer clears cache and storage, an answer to a request whose session expired clears
 * storage, and answers inside a live session clear nothing. Run on H2 ({@link BrowserStorageClearingOnH2Test})
 * and PostgreSQL ({@link BrowserStorageClearingOnPostgresTest}). The browser's side is
 * {@code webapps/BrowserStorageOfFormsInTheBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserStorageClearingContract {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final String USER = "bs.mdt";
  private static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

  @Autowired ProcessEngine engine;
  @Autowired ServletContext servletContext;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void caseworker() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, USER, PASSWORD, "mdt-chisinau", "caseworkers");
  }

  @Test
  void theWebappsLogoutAnswerTellsTheBrowserToClearItsCacheAndStorage() {
    WebappSession session = loggedIn();

    Response logout = http.post("/camunda/api/admin/auth/user/default/logout", session, null);

    assertThat(logout.status()).as(logout.toString()).isBetween(200, 299);
    assertThat(logout.header("Clear-Site-Data")).isEqualTo("\"cache\", \"storage\"");
    Response afterwards = http.get(TASK_COUNT, session);
    assertThat(afterwards.status()).as("the session is over").isEqualTo(401);
  }

  @Test
  void aRequestWhoseSessionHasExpiredIsAnswered401WithClearSiteDataStorage() throws Exception {
    WebappSession session = loggedIn();
    assertThat(WebSessionExpiry.expireAll(servletContext)).isPositive();

    Response expired = http.get(TASK_COUNT, session);

    assertThat(expired.status()).as(expired.toString()).isEqualTo(401);
    assertThat(expired.header("Clear-Site-Data")).isEqualTo("\"storage\"");
  }

  @Test
  void answersInsideALiveSessionAndTheLoginClearNothing() {
    PlatformHttp.WebappSession session = http.login("tasklist", USER, PASSWORD);
    Response work = http.get(TASK_COUNT, session);

    assertThat(session.loginResponse().status()).isEqualTo(200);
    assertThat(session.loginResponse().header("Clear-Site-Data")).isNull();
    assertThat(work.status()).as(work.toString()).isEqualTo(200);
    assertThat(work.header("Clear-Site-Data")).isNull();
  }

  @Test
  void aGetOfTheLogoutAddressOrAnotherPostUnderAuthClearsNothing() {
    WebappSession session = loggedIn();

    Response get = http.get("/camunda/api/admin/auth/user/default/logout", session);
    Response elsewhere = http.post("/camunda/api/admin/auth/user/default/logout/more", session, null);

    assertThat(get.header("Clear-Site-Data")).as(get.toString()).isNull();
    assertThat(elsewhere.header("Clear-Site-Data")).as(elsewhere.toString()).isNull();
    assertThat(http.get(TASK_COUNT, session).status()).as("still logged in").isEqualTo(200);
  }

  private WebappSession loggedIn() {
    WebappSession session = http.login("tasklist", USER, PASSWORD);
    assertThat(session.loginResponse().status()).as(session.loginResponse().toString()).isEqualTo(200);
    assertThat(http.get(TASK_COUNT, session).status()).as("logged in").isEqualTo(200);
    return session;
  }
}
