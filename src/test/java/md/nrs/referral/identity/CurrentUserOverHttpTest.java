package md.nrs.referral.identity;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Tasklist's header learns who is logged in, with the agency and roles of their groups, from GET /nrs/me: only
 * for the webapps' own session; and demo users whose names once carried their role are given their names back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-current-user;DB_CLOSE_DELAY=-1")
class CurrentUserOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired DemoUserSeeder demoUsers;
  @LocalServerPort int port;

  private PlatformHttp http;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aLaStradaCaseworker() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "me.lastrada", PASSWORD, "la-strada", "caseworkers");
  }

  @Test
  void aTasklistSessionLearnsItsAgencyAndRoleFromTheGroups() throws Exception {
    var session = http.login("tasklist", "me.lastrada", PASSWORD);

    var answer = http.get("/nrs/me", session);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode me = json.readTree(answer.body());
    assertThat(me.get("userId").asText()).isEqualTo("me.lastrada");
    assertThat(me.get("agencies").findValuesAsText("id")).containsExactly("la-strada");
    assertThat(me.get("agencies").findValuesAsText("name")).allSatisfy(name -> assertThat(name).contains("La Strada"));
    assertThat(me.get("roles").toString()).isEqualTo("[\"caseworkers\"]");
    assertThat(answer.header("Cache-Control")).contains("no-store");
  }

  @Test
  void withoutAWebappSessionItIsA401ProblemEvenWithAPassword() throws Exception {
    for (var answer : new PlatformHttp.Response[] {http.get("/nrs/me", null), http.get("/nrs/me", basic("me.lastrada", PASSWORD))}) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(json.readTree(answer.body()).get("type").asText()).isEqualTo("urn:nrs:problem:authentication-required");
      assertThat(answer.body()).doesNotContain("la-strada");
    }
  }

  @Test
  void aDemoUserWhoseLastNameCarriedTheRoleGetsTheConfiguredNameBackAndKeepsThePassword() {
    IdentityService identity = engine.getIdentityService();
    User ana = identity.createUserQuery().userId("lastrada.caseworker").singleResult();
    ana.setLastName("Caseworker, La Strada");
    identity.saveUser(ana);

    demoUsers.seed();

    User renamed = identity.createUserQuery().userId("lastrada.caseworker").singleResult();
    assertThat(renamed.getFirstName() + " " + renamed.getLastName()).isEqualTo("Ana Rusu");
    assertThat(identity.checkPassword("lastrada.caseworker", "Demo#NRS-2026")).isTrue();
  }
}
