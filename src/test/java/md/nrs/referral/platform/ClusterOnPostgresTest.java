package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import md.nrs.referral.models.ModelDeploymentPlugin;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the production profile on one PostgreSQL database, started at the same moment, as the
 * compose file runs them: Camunda's cluster model, where nodes share nothing but the database.
 */
@RequiresPostgres
class ClusterOnPostgresTest {

  private static final String ADMIN_PASSWORD = "Strong#Key-2026x";
  private static final String PASSWORD = "Test#Secret-2026";
  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  private PostgresDatabase database;
  private Map<String, String> settings;

  @BeforeEach
  void freshDatabase() {
    database = PostgresDatabase.create();
    settings = Map.of("NRS_DB_URL", database.url(), "NRS_DB_USER", database.user(),
        "NRS_DB_PASSWORD", database.password(), "NRS_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "NRS_PRIVACY_ACTIVE_KEY", "test-pg", "NRS_PRIVACY_KEYS", md.nrs.referral.testing.FreshPostgresDatabase.PRIVACY_KEYS);
    // Two applications in one JVM share one logging system, and Spring Boot (re)initialising it from
    // two threads at once races (separate JVMs, as in the compose file, do not). Keep the logging
    // already set up; the nodes' start-up on the shared database is what this test is about.
    System.setProperty(LOGGING_SYSTEM, "none");
  }

  @AfterEach
  void dropDatabase() {
    System.clearProperty(LOGGING_SYSTEM);
    database.close();
  }

  @Test
  void twoNodesStartingTogetherSeedOnceAndShareTheWork() throws Exception {
    ExecutorService starter = Executors.newFixedThreadPool(2);
    try {
      Future<PlatformNode> startingA = starter.submit(() -> PlatformNode.start("postgres", settings));
      Future<PlatformNode> startingB = starter.submit(() -> PlatformNode.start("postgres", settings));
      try (PlatformNode nodeA = startingA.get(3, TimeUnit.MINUTES); PlatformNode nodeB = startingB.get(3, TimeUnit.MINUTES)) {
        ProcessEngine engine = nodeA.engine();
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(5);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("managers").count())
            .as("no demo users in production").isZero();
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(ModelDeploymentPlugin.DEPLOYMENT_NAME)
            .count()).isLessThanOrEqualTo(1);

        TestUsers.ensure(engine, "it.lastrada", PASSWORD, "la-strada", "caseworkers");
        engine.getRepositoryService().createDeployment().addClasspathResource("fixtures/agency-task.bpmn").deploy();

        Response started = nodeA.http().post("/engine-rest/process-definition/key/fixture-agency-task/start",
            basic("admin", ADMIN_PASSWORD), "{\"variables\":{\"agency\":{\"value\":\"la-strada\",\"type\":\"String\"}}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("id").asText();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

        Response completedOnB = nodeB.http().post("/engine-rest/task/" + task + "/complete", basic("it.lastrada", PASSWORD), "{}");

        assertThat(completedOnB.status()).as(completedOnB.toString()).isEqualTo(204);
        assertThat(nodeA.engine().getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(instance).completed().count()).isEqualTo(1);
      }
    } finally {
      starter.shutdownNow();
    }
  }
}
