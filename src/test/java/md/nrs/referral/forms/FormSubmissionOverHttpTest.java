package md.nrs.referral.forms;

import md.nrs.referral.errors.ProblemType;
import static md.nrs.referral.assistance.AssistanceServiceProcess.CASE_CODE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.MINOR;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_ANSWER;
import static md.nrs.referral.assistance.AssistanceServiceProcess.REGION;
import static md.nrs.referral.assistance.AssistanceServiceProcess.REJECTION_REASON;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SEX;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A form submission that breaks its contract is refused over HTTP with a 400 naming each field; the task stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-form-guard;DB_CLOSE_DELAY=-1")
class FormSubmissionOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials PROVIDER = basic("fg.lastrada", PASSWORD);

  @Autowired ProcessEngine engine;
  @Autowired CaseCodes caseCodes;
  @LocalServerPort int port;

  private PlatformHttp http;
  private String taskId;

  @BeforeEach
  void aReferralWaitingForLaStradasAnswer() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "fg.lastrada", PASSWORD, "la-strada", "caseworkers");
    String code = caseCodes.next();
    String instance = PlatformStarts.withBusinessKey(code, () -> engine.getRuntimeService().startProcessInstanceByKey(
        AssistanceServiceProcess.KEY, code, Map.<String, Object>of(
        CASE_CODE.name(), code, SERVICE_TYPE.name(), "legal", REGION.name(), "moldova", MINOR.name(), false, SEX.name(), "female"))).getId();
    taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @Test
  void aRejectionWithoutAReasonIsRefusedNamingTheField() {
    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", PROVIDER,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"reject\",\"type\":\"String\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains(ProblemType.INVALID_FORM.uri().toString(), "rejectionReason", "is required when the referral is rejected");
    assertThatTaskIsStillOpen();
  }

  @Test
  void completingWithoutAnyAnswerIsRefused() {
    var response = http.post("/engine-rest/task/" + taskId + "/complete", PROVIDER, "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("providerAnswer", "choose accept or reject");
    assertThatTaskIsStillOpen();
  }

  @Test
  void aVariableTheFormDoesNotHaveIsRefused() {
    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", PROVIDER,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"accept\"},\"victimName\":{\"value\":\"Ion Popescu\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("victimName: is not a field of this form").doesNotContain("Ion Popescu");
    assertThatTaskIsStillOpen();
  }

  @Test
  void aValueOutsideTheChoicesIsRefused() {
    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", PROVIDER,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"maybe\"}}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("providerAnswer: is not one of the choices");
  }

  @Test
  void tasklistSubmissionsAreCheckedTheSameWay() {
    PlatformHttp.WebappSession session = http.login("tasklist", "fg.lastrada", PASSWORD);

    var invalid = http.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", session,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"reject\",\"type\":\"String\"},\"rejectionReason\":{\"value\":\"\",\"type\":\"String\"}}}");
    var valid = http.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", session,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"reject\",\"type\":\"String\"},"
            + "\"rejectionReason\":{\"value\":\"No lawyer free\",\"type\":\"String\"}}}");

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("rejectionReason");
    assertThat(valid.status()).as(valid.toString()).isIn(200, 204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void anEarlierRoundsAnswerDoesNotStandInForAMissingOne() {
    // the process already holds "reject" and a reason from this provider's round; a new submission must answer itself
    engine.getTaskService().setVariable(taskId, PROVIDER_ANSWER.name(), "reject");
    engine.getTaskService().setVariable(taskId, REJECTION_REASON.name(), "No lawyer free");

    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", PROVIDER, "{\"variables\":{}}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("providerAnswer");
    assertThatTaskIsStillOpen();
  }

  @Test
  void aValidAnswerCompletesTheTask() {
    var response = http.post("/engine-rest/task/" + taskId + "/submit-form", PROVIDER,
        "{\"variables\":{\"providerAnswer\":{\"value\":\"accept\",\"type\":\"String\"}}}");

    assertThat(response.status()).as(response.toString()).isIn(200, 204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
  }

  private void assertThatTaskIsStillOpen() {
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }
}
