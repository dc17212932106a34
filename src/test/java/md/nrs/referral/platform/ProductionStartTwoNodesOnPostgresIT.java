package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.testing.DeploymentEnvironment;
import md.nrs.referral.testing.JarProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the production profile on one PostgreSQL database, started at the same moment as
 * docker/compose.yml runs them: two packaged-jar processes from environment variables only, sharing
 * nothing but the database (Camunda's cluster model).
 */
@RequiresPostgres
class ProductionStartTwoNodesOnPostgresIT {

  private static final Credentials ADMIN = basic("admin", DeploymentEnvironment.ADMIN_PASSWORD);
  private static final String CASEWORKER = "it.lastrada";
  private static final String PASSWORD = "Test#Secret-2026";

  @Test
  void twoNodesStartingTogetherSeedOnceAndAReferralOnOneIsSeenOnTheOther() {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      Map<String, String> environment = DeploymentEnvironment.postgres(database);
      try (JarProcess nodeA = JarProcess.launch("node-a", environment); JarProcess nodeB = JarProcess.launch("node-b", environment)) {
        nodeA.awaitStarted();
        nodeB.awaitStarted();
        PlatformHttp a = nodeA.http();
        PlatformHttp b = nodeB.http();

        assertThat(count(a, "/engine-rest/filter/count")).isEqualTo(5);
        assertThat(count(a, "/engine-rest/user/count?memberOfGroup=camunda-admin")).isEqualTo(1);
        assertThat(count(b, "/engine-rest/user/count?memberOfGroup=managers")).as("no demo users in production").isZero();
        assertThat(count(b, "/engine-rest/deployment/count?name=nrs-models")).isLessThanOrEqualTo(1);

        createCaseworker(a);
        Response referred = a.post("/api/referrals", basic(CASEWORKER, PASSWORD), """
            {"sourceReference": "TWO-NODES-1", "channel": "ngo", "location": "moldova", "category": "trafficking",
             "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false,
             "referralSummary": "Referred on node A"}""");
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        String caseCode = field(referred.body(), "caseCode");

        Response receiptOnB = b.get("/api/referrals/TWO-NODES-1", basic(CASEWORKER, PASSWORD));
        assertThat(receiptOnB.status()).as(receiptOnB.toString()).isEqualTo(200);
        assertThat(field(receiptOnB.body(), "caseCode")).isEqualTo(caseCode);
        assertThat(count(b, "/engine-rest/task/count?processInstanceBusinessKey=" + caseCode))
            .as("the case's open task, seen on the other node").isPositive();
        assertThat(nodeA.log() + nodeB.log()).doesNotContain(DeploymentEnvironment.ADMIN_PASSWORD, PASSWORD);
      }
    }
  }

  private static void createCaseworker(PlatformHttp http) {
    Response created = http.post("/engine-rest/user/create", ADMIN, """
        {"profile": {"id": "%s", "firstName": "Ana", "lastName": "Caseworker", "email": "it@example.org"},
         "credentials": {"password": "%s"}}""".formatted(CASEWORKER, PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    for (String group : new String[] {"la-strada", "caseworkers"}) {
      Response member = http.put("/engine-rest/group/" + group + "/members/" + CASEWORKER, ADMIN, null);
      assertThat(member.status()).as(member.toString()).isEqualTo(204);
    }
  }

  private static long count(PlatformHttp http, String path) {
    Response answer = http.get(path, ADMIN);
    assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
    return Long.parseLong(field(answer.body(), "count"));
  }

  private static String field(String json, String name) {
    Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
    assertThat(value.find()).as(name + " in " + json).isTrue();
    return value.group(1);
  }
}
