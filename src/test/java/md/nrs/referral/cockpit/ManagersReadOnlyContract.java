package md.nrs.referral.cockpit;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.agencies.delivery.OutboxAgencyNotifications;
import md.nrs.referral.agencies.directory.AgencyDirectory;
import md.nrs.referral.agencies.directory.AgencyRequest;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.privacy.notes.FreeTextVariables;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The manager reads Cockpit and changes nothing: every changing call on either engine API is a 403 and the case
 * is as it was; the case's variables are readable except the free-text notes, which the agency on the case and
 * the administrators still read. The one change a manager keeps, retrying a failed delivery, is made over
 * /engine-rest and audited; Cockpit's own retry button is refused to them like every other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// no job executor: the delivery job waits for the retry the test makes
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManagersReadOnlyContract {

  private static final String PASSWORD = "Test#Secret-2026";

  @Autowired ProcessEngine engine;
  @Autowired AgencyNotifications notifications;
  @Autowired AgencyDirectory directory;
  @Autowired CaseCodes caseCodes;
  @Autowired AuditTrail audit;
  @Autowired TransactionTemplate transaction;
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
    // the case model has no job of its own; a delivery's asynchronous step has one
    String jobDefinition = engine.getManagementService().createJobDefinitionQuery()
        .processDefinitionKey(OutboxAgencyNotifications.DELIVERY_PROCESS).list().get(0).getId();

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
      answers.put("add a variable", http.post(base + "/process-instance/" + instance + "/variables", who,
          "{\"modifications\":{\"" + CaseVariables.URGENCY.name() + "\":{\"value\":\"low\",\"type\":\"String\"}}}"));
      answers.put("edit the task", http.put(base + "/task/" + task, who, "{\"name\":\"renamed\",\"priority\":1}"));
      answers.put("offer the task to another group", http.post(base + "/task/" + task + "/identity-links", who,
          "{\"groupId\":\"managers\",\"type\":\"candidate\"}"));
      answers.put("override the jobs' priority", http.put(base + "/job-definition/" + jobDefinition + "/jobPriority", who,
          "{\"priority\":99,\"includeJobs\":true}"));
      answers.put("suspend the job definition", http.put(base + "/job-definition/" + jobDefinition + "/suspended", who,
          "{\"suspended\":true,\"includeJobs\":true}"));

      assertThat(answers).allSatisfy((what, answer) ->
          assertThat(answer.status()).as(base + ": " + what + " → " + answer).isEqualTo(403));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).active().count())
        .as("the case runs on, not suspended").isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance, CaseVariables.URGENCY.name())).isNotEqualTo("low");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(engine.getRepositoryService().getProcessDefinition(definition).isSuspended()).isFalse();
    assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(jobDefinition).singleResult()
        .isSuspended()).isFalse();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task)).noneMatch(l -> "managers".equals(l.getGroupId()));
  }

  @Test
  void aManagerRetriesAFailedDeliveryOverRestAuditedButNotWithCockpitsButton() {
    String code = caseCodes.next();
    // an agency whose system is pushed to (one working in Tasklist is told nothing, so it has no delivery to retry)
    String agency = "ro-hook-" + Long.toString(System.nanoTime(), 36);
    directory.create(new AgencyRequest(agency, "Agency with a webhook", "agency", List.of("legal"), List.of("chisinau"),
        null, "webhook", "http://127.0.0.1:9/nrs/hook", "a-webhook-secret-of-the-agency", null, null, null, null));
    transaction.executeWithoutResult(s -> notifications.notify(new AgencyNotification(agency, code,
        NrsCaseProcess.Elements.IDENTIFICATION, "Interview the person", null, null)));
    Job delivery = engine.getManagementService().createJobQuery().processInstanceId(engine.getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(OutboxAgencyNotifications.DELIVERY_PROCESS)
        .processInstanceBusinessKey(code).singleResult().getId()).singleResult();
    engine.getManagementService().setJobRetries(delivery.getId(), 0); // as after the last failed attempt
    String retry = "/job/" + delivery.getId() + "/retries";

    Response fromCockpit = http.put("/camunda/api/engine/engine/default" + retry, http.login("cockpit", "ro.manager", PASSWORD),
        "{\"retries\":1}");
    int afterCockpit = retries(delivery);
    Response overRest = http.put("/engine-rest" + retry, basic("ro.manager", PASSWORD), "{\"retries\":1}");

    assertThat(fromCockpit.status()).as(fromCockpit.toString()).isEqualTo(403);
    assertThat(fromCockpit.body()).contains("Cockpit is read-only", "/engine-rest/job/{id}/retries");
    assertThat(afterCockpit).as("Cockpit's retry changed nothing").isZero();
    assertThat(overRest.status()).as(overRest.toString()).isEqualTo(204);
    assertThat(retries(delivery)).isEqualTo(1);
    assertThat(audit.search(null, "ro.manager", AuditActions.JOB_RETRIED, Instant.EPOCH, Instant.now().plusSeconds(60), 0, 10)).singleElement()
        .satisfies(entry -> {
          assertThat(entry.getSubject()).isEqualTo("PUT " + retry);
          assertThat(entry.getOutcome()).isEqualTo(AuditEvent.OK);
          assertThat(entry.getDetail()).contains("engine REST API");
        });
  }

  private int retries(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
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
