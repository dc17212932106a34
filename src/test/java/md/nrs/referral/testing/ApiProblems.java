package md.nrs.referral.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import md.nrs.referral.testing.PlatformHttp.Response;

/** The platform's problem answers as the REST tests read them: the status, what the message says, the field it names. */
public final class ApiProblems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiProblems() {
  }

  /** The answer has this status, its message says {@code problem}, and its first field error names {@code field} (if given). */
  public static void assertProblem(Response response, int status, String field, String problem) throws Exception {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).as(response.toString()).contains(problem);
    if (field != null) {
      assertThat(body.path("fieldErrors").get(0).path("field").asText()).as(response.toString()).isEqualTo(field);
    }
  }
}
