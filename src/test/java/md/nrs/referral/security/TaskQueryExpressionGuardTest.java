package md.nrs.referral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Unit test at the servlet edge; the real HTTP path is covered by the security baseline suites. */
class TaskQueryExpressionGuardTest {

  private final TaskQueryExpressionGuard guard = new TaskQueryExpressionGuard(Set.of("${currentUser()}"));

  @Test
  void refusesAnExpressionHiddenInsideOrQueriesAndNamesTheField() throws Exception {
    var response = run(post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("orQueries[0].assigneeExpression");
  }

  @Test
  void refusesExpressionsInTheWebappsCopyOfTheEngineApi() throws Exception {
    var response = run(post("/camunda/api/engine/engine/default/task/count", "{\"candidateGroupsExpression\":\"${x}\"}"));

    assertThat(response.getStatus()).isEqualTo(400);
  }

  @Test
  void refusesAnExpressionPassedAsAQueryParameter() throws Exception {
    MockHttpServletRequest request = request("GET", "/engine-rest/task");
    request.setQueryString("maxResults=10&dueBeforeExpression=%24%7Bnow()%7D");

    assertThat(run(request).getStatus()).isEqualTo(400);
  }

  @Test
  void refusesEvenTheSafeExpressionsInAnAdHocQuery() throws Exception {
    var response = run(post("/engine-rest/filter/abc/list", "{\"assigneeExpression\":\"${currentUser()}\"}"));

    assertThat(response.getStatus()).isEqualTo(400);
  }

  @Test
  void allowsAStoredFilterWithTheSafeExpressionsOnly() throws Exception {
    var safe = run(post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}"));
    var unsafe = run(post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"Evil\",\"query\":{\"assigneeExpression\":\"${execution.getEngineServices()}\"}}"));

    assertThat(safe.getStatus()).isEqualTo(200);
    assertThat(unsafe.getStatus()).isEqualTo(400);
    assertThat(unsafe.getContentAsString()).contains("query.assigneeExpression");
  }

  @Test
  void passesOrdinaryQueriesThroughWithTheirBodyIntact() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(post("/engine-rest/task", "{\"candidateGroup\":\"la-strada\"}"), response, chain);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"candidateGroup\":\"la-strada\"}");
  }

  @Test
  void leavesFormSubmissionsAlone() throws Exception {
    var response = run(post("/engine-rest/task/123/submit-form", "{\"variables\":{\"note\":{\"value\":\"${x}\"}}}"));

    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void answers400ForABodyThatIsNotJson() throws Exception {
    assertThat(run(post("/engine-rest/task", "{assigneeExpression")).getStatus()).isEqualTo(400);
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response;
  }

  private static MockHttpServletRequest post(String uri, String json) {
    MockHttpServletRequest request = request("POST", uri);
    request.setContentType("application/json");
    request.setContent(json.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static MockHttpServletRequest request(String method, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    request.setServletPath(uri);
    return request;
  }
}
