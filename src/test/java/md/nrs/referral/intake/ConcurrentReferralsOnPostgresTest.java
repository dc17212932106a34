package md.nrs.referral.intake;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.RequiresPostgres;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL, where the second insert of the same (agency, reference) waits for the first transaction
 * and then fails: four identical referrals posted at the same moment open one case, and all four
 * answers name it (one 201, three 200).
 */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the database must exist before Spring starts
class ConcurrentReferralsOnPostgresTest {

  private static final String PASSWORD = "Test#Intake-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void fourIdenticalReferralsAtOnceOpenOneCase() throws Exception {
    TestUsers.ensure(engine, "pg.lastrada", PASSWORD, "la-strada", "caseworkers");
    PlatformHttp http = new PlatformHttp(port);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        String body = ReferralIntakeApiTest.referral("PG-" + round + "-" + System.nanoTime());
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<Response>> posts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          posts.add(CompletableFuture.supplyAsync(() -> {
            try {
              together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return http.post("/api/referrals", basic("pg.lastrada", PASSWORD), body);
          }, threads));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<Response> post : posts) {
          Response response = post.get(120, TimeUnit.SECONDS);
          statuses.add(response.status());
          codes.add(JSON.readTree(response.body()).path("caseCode").asText());
        }

        assertThat(statuses).as(codes.toString()).containsExactlyInAnyOrder(201, 200, 200, 200);
        assertThat(codes).containsOnly(codes.get(0));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
            .processInstanceBusinessKey(codes.get(0)).count()).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
