package md.nrs.referral.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import md.nrs.referral.platform.LoginThrottleHttp.Answer;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins slow the guesser down and never lock anyone out (issue 13 item 4), over real HTTP from
 * distinct loopback addresses (each test its own source). The running platform has the default counts
 * (5 free failures per account and source, 10 per account, 30 per source) and a bound of 3 seconds (60 in
 * production) so that the tests can wait it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoginThrottleContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final String WRONG = "Not-The-Password#1";
  static final long BOUND_SECONDS = 3;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @LocalServerPort
  int port;

  @BeforeAll
  void users() {
    for (String user : List.of("lt.known", "lt.other", "lt.audited", "lt.bounded", "lt.analyst", "lt.engine", "lt.form",
        "lt.ops", "lt.forged", "lt.proxied", "lt.intake")) {
      TestUsers.ensure(engine, user, PASSWORD, "caseworkers");
    }
    TestUsers.ensure(engine, "lt.ops", PASSWORD, "operators");
    TestUsers.ensure(engine, "lt.form", PASSWORD, "managers");
  }

  @Test
  void thirtyWrongPasswordsFromOneSourceThenTheRightOneAfterTheBoundedWaitLogsIn() throws Exception {
    LoginThrottleHttp from = source(21);

    List<Answer> answers = guesses(from, "lt.known", 30);

    assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
    assertThat(answers.get(5).status()).as(answers.get(5).toString()).isEqualTo(429);
    Answer last = answers.get(29);
    assertThat(last.status()).isIn(401, 429);
    assertThat(answers).filteredOn(a -> a.status() == 429).allSatisfy(a -> {
      assertThat(a.body()).contains("Too many failed logins");
      assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, BOUND_SECONDS);
    });

    Thread.sleep(retryAfterMillis(last));
    Answer right = basic(from, "/engine-rest/engine", "lt.known", PASSWORD);

    assertThat(right.status()).as(right.toString()).isEqualTo(200);
  }

  @Test
  void anUnknownUserGetsTheSameAnswersAsAKnownOne() {
    List<Answer> known = guesses(source(22), "lt.other", 30);
    List<Answer> unknown = guesses(source(23), "lt.nobody-here", 30);

    assertThat(statusesAndBodies(unknown)).isEqualTo(statusesAndBodies(known));
    assertThat(unknown.subList(0, 6)).extracting(Answer::status).isEqualTo(known.subList(0, 6).stream().map(Answer::status).toList());
  }

  @Test
  void aBurstOfFailuresIsAuditedOnceForKnownAndUnknownUsers() {
    guesses(source(24), "lt.audited", 30);
    guesses(source(25), "lt.ghost", 30);

    assertThat(failedLogins("lt.audited", "127.0.0.24")).isEqualTo(1);
    assertThat(failedLogins("lt.ghost", "127.0.0.25")).isEqualTo(1);
  }

  @Test
  void theWaitGrowsButNeverBeyondTheBound() throws Exception {
    LoginThrottleHttp from = source(26);
    guesses(from, "lt.bounded", 5);
    List<Long> waits = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      Answer held = basic(from, "/engine-rest/engine", "lt.bounded", WRONG);
      assertThat(held.status()).as(held.toString()).isEqualTo(429);
      waits.add(Long.parseLong(held.header("Retry-After")));
      Thread.sleep(retryAfterMillis(held));
      assertThat(basic(from, "/engine-rest/engine", "lt.bounded", WRONG).status()).isEqualTo(401);
    }

    assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(1L, BOUND_SECONDS));
    assertThat(waits).isSorted().contains(BOUND_SECONDS);
  }

  @Test
  void aStrangerHammeringAnAccountNeverKeepsTheUserOutOfTheirUsualSource() {
    LoginThrottleHttp usual = source(31);
    assertThat(basic(usual, "/engine-rest/engine", "lt.analyst", PASSWORD).status()).isEqualTo(200);

    List<Answer> stranger = new ArrayList<>(); // from several addresses, past the account's 10 free failures
    for (int address : new int[] {32, 35, 36}) {
      stranger.addAll(guesses(source(address), "lt.analyst", 10));
    }
    Answer newSource = basic(source(33), "/engine-rest/engine", "lt.analyst", PASSWORD);
    Answer usualAgain = basic(usual, "/engine-rest/engine", "lt.analyst", PASSWORD);

    assertThat(stranger).extracting(Answer::status).contains(429);
    assertThat(newSource.status()).as("the account is slowed down for new sources").isEqualTo(429);
    assertThat(usualAgain.status()).as(usualAgain.toString()).isEqualTo(200);
  }

  @Test
  void theEngineNeverLocksAUserAfterManyWrongPasswords() {
    for (int i = 0; i < 85; i++) {
      assertThat(engine.getIdentityService().checkPassword("lt.engine", WRONG)).isFalse();
    }

    assertThat(engine.getIdentityService().checkPassword("lt.engine", PASSWORD)).isTrue();
    assertThat(basic(source(34), "/engine-rest/engine", "lt.engine", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theWebappLoginFormIsThrottledLikeBasic() throws Exception {
    LoginThrottleHttp from = source(41);
    Answer page = from.send("GET", "/camunda/app/cockpit/default/", Map.of(), null);
    String cookies = cookies(page);
    String token = cookieValue(page, "XSRF-TOKEN");
    Map<String, String> headers = Map.of("Cookie", cookies, "X-XSRF-TOKEN", token,
        "Content-Type", "application/x-www-form-urlencoded");
    String path = "/camunda/api/admin/auth/user/default/login/cockpit";

    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(from.send("POST", path, headers, "username=lt.form&password=" + WRONG.replace("#", "%23")));
    }
    Thread.sleep(retryAfterMillis(answers.get(9)));
    Answer right = from.send("POST", path, headers, "username=lt.form&password=" + PASSWORD.replace("#", "%23"));

    assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(401));
    assertThat(answers.get(5).status()).as(answers.get(5).toString()).isEqualTo(429);
    assertThat(right.status()).as(right.toString()).isEqualTo(200);
    assertThat(failedLogins("lt.form", "127.0.0.41")).isEqualTo(1);
  }

  @Test
  void actuatorBasicIsThrottledToo() {
    List<Answer> answers = new ArrayList<>();
    LoginThrottleHttp from = source(42);
    for (int i = 0; i < 8; i++) {
      answers.add(basic(from, "/actuator/health", "lt.ops", WRONG));
    }

    assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
    assertThat(answers.get(5).status()).isEqualTo(429);
  }

  @Test
  void aForgedXForwardedForDoesNotMakeEachGuessAFreshSource() {
    LoginThrottleHttp from = source(43);
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(from.send("GET", "/engine-rest/engine", Map.of("Authorization", basicHeader("lt.forged", WRONG),
          "X-Forwarded-For", "198.51.100." + (10 + i)), null));
    }

    assertThat(answers.get(5).status()).as(answers.get(5).toString()).isEqualTo(429);
    assertThat(failedLogins("lt.forged", "127.0.0.43")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where actor = 'lt.forged' and client_address like '198.51.100.%'",
        Long.class)).isZero();
  }

  @Test
  void anAgencySystemSendingManyRequestsAtOnceWithItsRightPasswordIsNeverRefused() throws Exception {
    LoginThrottleHttp from = source(44);
    assertThat(basic(from, "/engine-rest/engine", "lt.intake", PASSWORD).status()).isEqualTo(200);

    var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<Answer>> sent = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        sent.add(pool.submit(() -> basic(from, "/engine-rest/task?maxResults=1", "lt.intake", PASSWORD)));
      }
      for (var answer : sent) {
        assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Answer> guesses = guesses(from, "lt.intake", 6);
    assertThat(guesses.get(5).status()).as("guesses from the same source are still slowed").isEqualTo(429);
  }

  // --- helpers

  LoginThrottleHttp source(int lastOctet) {
    return new LoginThrottleHttp("127.0.0." + lastOctet, port);
  }

  private List<Answer> guesses(LoginThrottleHttp from, String user, int count) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(basic(from, "/engine-rest/engine", user, WRONG));
    }
    return answers;
  }

  private static Answer basic(LoginThrottleHttp from, String path, String user, String password) {
    return from.send("GET", path, Map.of("Authorization", basicHeader(user, password)), null);
  }

  static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static long retryAfterMillis(Answer answer) {
    String retryAfter = answer.header("Retry-After");
    return retryAfter == null ? 0 : Long.parseLong(retryAfter) * 1000 + 200;
  }

  private static LinkedHashSet<String> statusesAndBodies(List<Answer> answers) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    answers.forEach(a -> distinct.add(a.status() + " " + a.body()));
    return distinct;
  }

  long failedLogins(String user, String address) {
    return jdbc.queryForObject("select count(*) from nrs_audit where action = 'LOGIN_FAILED' and actor = ? and client_address = ?",
        Long.class, user, address);
  }

  private static String cookies(Answer answer) {
    return String.join("; ", answer.all("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
  }

  private static String cookieValue(Answer answer, String name) {
    return answer.all("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
  }
}
