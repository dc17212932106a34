package md.nrs.referral.tasklist;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Tasklist opens the filter with the lowest {@code properties.priority} of those the user may read: for a
 * caseworker that must be the list where their agency's work waits, not an empty "My tasks" (issue 20 item 2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-default-filter;DB_CLOSE_DELAY=-1")
class DefaultFilterOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void aCaseworkersFirstFilterIsTheirAgencysTasksAndMyTasksIsStillThere() throws Exception {
    TestUsers.ensure(engine, "filters.lastrada", PASSWORD, "la-strada", "caseworkers");
    var answer = new PlatformHttp(port).get("/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=50",
        basic("filters.lastrada", PASSWORD));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

    List<JsonNode> filters = new ArrayList<>();
    new ObjectMapper().readTree(answer.body()).forEach(filters::add);
    filters.sort(Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt(Integer.MAX_VALUE)));
    List<String> names = filters.stream().map(filter -> filter.get("name").asText()).toList();

    assertThat(names).as("in the order Tasklist shows them").startsWith("My agency").contains("My tasks");
    assertThat(names.indexOf("My agency")).isLessThan(names.indexOf("My tasks"));
    assertThat(filters.get(0).path("query").toString()).as("the agency's or team's tasks, claimed or not")
        .contains("candidateGroupsExpression", "currentUserGroups");
  }
}
