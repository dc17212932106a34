package md.nrs.referral.cockpit;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.privacy.notes.FreeTextVariables;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The manager reads Cockpit and changes nothing: every changing call on either engine API is a 403 and the case
 * is as it was; the case's variables are readable except the free-text notes, which the agency on the case and
 * the administrators still read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-managers-read-only;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagersReadOnlyOnH2Test {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  private PlatformHttp http;
  private ProcessInstance interviewed;

  @BeforeAll
  void aCaseWithANote() {
    TestUsers.ensure(engine, "ro.manager", PASSWORD, "managers");
    TestUsers.ensure(engine, "ro.mdt", PASSWORD, "mdt-chisinau", "caseworkers");
    TestUsers.ensure(engine, "ro.admin", PASSWORD, "camunda-admin");
    ManagersCases cases = new ManagersCases(engine);
    interviewed = cases.refer();
    cases.overdue(interviewed, Duration.ofHours(1));
    cases.interview(interviewed);
    http = new PlatformHttp(port);
  }

  @Test
  void everyChangingCallOfAManagerIsRefusedWith403OnBothEngineApisAndChangesNothing() {
    Credentials rest = basic("ro.manager", PASSWORD);
    Credentials cockpit = http.login("cockpit", "ro.manager", PASSWORD);
    String instance = interviewed.getId();
    String definition = interviewed.getProcessDefinitionId();
    String deployment = engine.getRepositoryService().getProcessDefinition(definition).getDeploymentId();
    String task = new ManagersCases(engine).task(interviewed, NrsCaseProcess.Elements.CONSENT).getId();

    for (var api : Map.of("/engine-rest", rest, "/camunda/api/engine/engine/default", cockpit).entrySet()) {
      String base = api.getKey();
      Credentials who = api.getValue();
      Map<String, Response> answers = new LinkedHashMap<>();
      answers.put("suspend the case", http.put(base + "/process-instance/" + instance + "/suspended", who, "{\"suspended\":true}"));
      answers.put("cancel the case", http.delete(base + "/process-instance/" + instance, who));
      answers.put("edit a variable", http.put(base + "/process-instance/" + instance + "/variables/" + CaseVariables.URGENCY.name(),
          who, "{\"value\":\"low\",\"type\":\"String\"}"));
      answers.put("delete a variable", http.delete(base + "/process-instance/" + instance + "/variables/" + CaseVariables.URGENCY.name(), who));
      answers.put("move the token", http.post(base + "/process-instance/" + instance + "/modification", who,
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + NrsCaseProcess.Elements.CONSENT + "\"}]}"));
      answers.put("suspend the process", http.put(base + "/process-definition/" + definition + "/suspended", who,
          "{\"suspended\":true,\"includeProcessInstances\":true}"));
      answers.put("delete the deployment", http.delete(base + "/deployment/" + deployment + "?cascade=true", who));
      answers.put("claim the task", http.post(base + "/task/" + task + "/claim", who, "{\"userId\":\"ro.manager\"}"));
      answers.put("reassign the task", http.post(base + "/task/" + task + "/assignee", who, "{\"userId\":\"ro.manager\"}"));

      assertThat(answers).allSatisfy((what, answer) ->
          assertThat(answer.status()).as(base + ": " + what + " → " + answer).isEqualTo(403));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).active().count())
        .as("the case runs on, not suspended").isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance, CaseVariables.URGENCY.name())).isNotEqualTo("low");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(engine.getRepositoryService().getProcessDefinition(definition).isSuspended()).isFalse();
  }

  @Test
  void aManagerReadsTheCasesVariablesButNotTheTeamsFreeTextNote() {
    Credentials cockpit = http.login("cockpit", "ro.manager", PASSWORD);
    Credentials rest = basic("ro.manager", PASSWORD);
    String instance = interviewed.getId();
    String query = "{\"processInstanceIdIn\":[\"" + instance + "\"]}";

    Response variablesTab = http.post("/camunda/api/engine/engine/default/variable-instance?deserializeValues=false", cockpit, query);
    Response processVariables = http.get("/engine-rest/process-instance/" + instance + "/variables?deserializeValues=false", rest);
    // list queries page, as Cockpit does: the engine refuses an unbounded list to a logged-in caller (query-max-results-limit)
    String page = "&firstResult=0&maxResults=200";
    Response history = http.get("/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId=" + instance + page, rest);
    Response details = http.get("/engine-rest/history/detail?deserializeValues=false&processInstanceId=" + instance + page, rest);
    Response byName = http.get("/engine-rest/process-instance/" + instance + "/variables/interviewNote", rest);

    Map<String, Response> answers = Map.of("Cockpit's Variables tab", variablesTab, "process variables", processVariables,
        "variable history", history, "history details", details);
    for (var named : answers.entrySet()) {
      Response answer = named.getValue();
      assertThat(answer.status()).as(named.getKey() + ": " + answer).isEqualTo(200);
      assertThat(answer.body()).as("the case's choices are there").contains("victimStatus")
          .doesNotContain("interviewNote").doesNotContain("Note-7c1e");
    }
    assertThat(byName.status()).isEqualTo(404);
    assertThat(byName.body()).doesNotContain("Note-7c1e");
  }

  @Test
  void theAgencyOnTheCaseAndTheAdministratorsStillReadTheNote() {
    String task = new ManagersCases(engine).task(interviewed, NrsCaseProcess.Elements.CONSENT).getId();

    Response team = http.get("/engine-rest/task/" + task + "/variables?deserializeValues=false", basic("ro.mdt", PASSWORD));
    Response admin = http.get("/engine-rest/process-instance/" + interviewed.getId() + "/variables?deserializeValues=false", basic("ro.admin", PASSWORD));

    assertThat(team.status()).as(team.toString()).isEqualTo(200);
    assertThat(team.body()).contains("Note-7c1e");
    assertThat(admin.body()).contains("Note-7c1e");
  }

  @Test
  void theFreeTextVariablesAreEveryTextFieldOfTheFormsAndNoChoice() {
    assertThat(FreeTextVariables.fromForms()).contains("interviewNote", "coordinatorComment", "referralSummary",
        "planSummary").doesNotContain("victimStatus", CaseVariables.URGENCY.name());
  }
}
