package md.nrs.referral.models;

import static md.nrs.referral.models.RevisionFixtures.CHECK;
import static md.nrs.referral.models.RevisionFixtures.INTAKE;
import static md.nrs.referral.models.RevisionFixtures.REVIEW;
import static md.nrs.referral.models.RevisionFixtures.REVIEW_OVERDUE;
import static md.nrs.referral.models.RevisionFixtures.bytes;
import static md.nrs.referral.models.RevisionFixtures.process;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/**
 * Policy staff revise models over real HTTP the way Camunda Modeler does (multipart POST to
 * /engine-rest/deployment/create with their login): the gate refuses broken revisions with the problems
 * listed, records the ones that pass, and running cases are moved to the new version after a dry run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-model-revisions;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRevisionsOverHttpTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials POLICY = basic("rev.policy", PASSWORD);
  private static final Credentials CASEWORKER = basic("rev.caseworker", PASSWORD);
  private static final Credentials ADMIN = basic("rev.admin", PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void users() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "rev.policy", PASSWORD, "policy-staff");
    TestUsers.ensure(engine, "rev.caseworker", PASSWORD, "la-strada", "caseworkers");
    TestUsers.ensure(engine, "rev.admin", PASSWORD, "camunda-admin");
  }

  // --- deploying a revision -------------------------------------------------------------------------

  @Test
  void policyStaffDeployARevisionFromModelerAndItBecomesTheNewVersionWithItsChangesLogged() throws IOException {
    String key = "revision-log-fixture";
    Response first = deploy(POLICY, "First revision", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v1(key))));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    Response second = deploy(POLICY, "Coordinator checks before review",
        Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v2(key))));
    assertThat(second.status()).as(second.toString()).isEqualTo(200);

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion()).isEqualTo(2);
    JsonNode newest = revisionOf(read(second).get("id").asText());
    assertThat(newest.get("deployedBy").asText()).isEqualTo("rev.policy");
    assertThat(newest.get("name").asText()).isEqualTo("Coordinator checks before review");
    assertThat(newest.get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(newest.get("files")).extracting(JsonNode::asText).containsExactly("processes/" + key + ".bpmn");
    JsonNode change = newest.get("changes").get(0);
    assertThat(change.get("key").asText()).isEqualTo(key);
    assertThat(change.get("previousVersion").asInt()).isEqualTo(1);
    assertThat(change.get("added")).extracting(JsonNode::asText).containsExactly(CHECK + " (\"Check with the coordinator\")");
    assertThat(change.get("removed")).isEmpty();
    assertThat(change.get("renamed").get(0).toString())
        .isEqualTo("{\"id\":\"UserTask_Intake\",\"from\":\"Intake\",\"to\":\"Intake interview\"}");
  }

  @Test
  void aCaseworkerMayNeitherDeployNorReadTheRevisionLog() {
    String key = "revision-caseworker-fixture";
    Response deploy = deploy(CASEWORKER, "Not mine to change", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v1(key))));

    assertThat(deploy.status()).as(deploy.toString()).isEqualTo(403);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(http.get("/api/models/revisions", CASEWORKER).status()).isEqualTo(403);
    assertThat(http.post("/api/models/migrations/dry-run", CASEWORKER, "{}").status()).isEqualTo(403);
  }

  // --- the validation gate --------------------------------------------------------------------------

  @Test
  void aRevisionWithATypoInADelegateNameIsRefusedNamingTheElementAndTheName() throws IOException {
    int before = latestVersion("monitoring");
    String monitoring = new ClassPathResource("processes/monitoring.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("${countFollowUp}", "${countFolowUp}");

    Response refused = deploy(POLICY, "Monitoring with a typo", Map.of("processes/monitoring.bpmn", utf8(monitoring)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    JsonNode body = read(refused);
    assertThat(body.get("message").asText()).contains("processes/monitoring.bpmn: ServiceTask_CountFollowUp (\"Count the follow-ups done\"): "
        + "names delegate 'countFolowUp' (${countFolowUp}), but the platform has no such delegate — check the spelling");
    JsonNode error = body.get("details").get("processes/monitoring.bpmn").get("errors").get(0);
    assertThat(error.get("mainElementId").asText()).isEqualTo("ServiceTask_CountFollowUp");
    assertThat(latestVersion("monitoring")).as("nothing deployed").isEqualTo(before);
  }

  @Test
  void theSameRefusalIsWordedInRomanianRussianAndEnglishByAcceptLanguageWithTheSameCodes() throws IOException {
    String monitoring = new ClassPathResource("processes/monitoring.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("${countFollowUp}", "${countFolowUp}");
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String language : List.of("ro-RO,ro;q=0.9", "ru-RU", "en-GB")) {
      Response refused = deploy(in(POLICY, language), "Monitoring with a typo", Map.of("processes/monitoring.bpmn", utf8(monitoring)));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      answers.put(language.substring(0, 2), read(refused));
    }

    assertThat(answers.get("ro").get("message").asText()).startsWith("Revizia a fost refuzată; nu s-a implementat nimic")
        .contains("ServiceTask_CountFollowUp (\"Count the follow-ups done\"): numește delegatul 'countFolowUp' "
            + "(${countFolowUp}), dar platforma nu are un astfel de delegat — verificați scrierea");
    assertThat(answers.get("ru").get("message").asText()).startsWith("Ревизия отклонена; ничего не развёрнуто")
        .contains("называет делегат 'countFolowUp' (${countFolowUp}), но такого делегата в платформе нет — проверьте написание");
    assertThat(answers.get("en").get("message").asText()).startsWith("The revision was refused; nothing was deployed (1 problem(s))")
        .contains("names delegate 'countFolowUp' (${countFolowUp}), but the platform has no such delegate — check the spelling");
    assertThat(answers.get("ru").get("details").get("processes/monitoring.bpmn").get("errors").get(0).get("message").asText())
        .as("what Modeler lists per element").startsWith("ServiceTask_CountFollowUp (\"Count the follow-ups done\"): называет делегат");
    for (JsonNode answer : answers.values()) { // the same for programs in every language
      JsonNode problem = answer.get("problems").get(0);
      assertThat(problem.get("code").asText()).isEqualTo("delegate-unknown");
      assertThat(problem.get("arguments").get("delegate").asText()).isEqualTo("countFolowUp");
      assertThat(problem.get("elementId").asText()).isEqualTo("ServiceTask_CountFollowUp");
      assertThat(answer.get("type").asText()).isEqualTo("ParseException");
    }
  }

  @Test
  void eachBrokenRevisionIsRefusedAsAWholeWithExactlyItsProblem() throws IOException {
    Map<String, Map.Entry<byte[], String>> cases = new LinkedHashMap<>();
    cases.put("not BPMN", Map.entry(utf8("<bpmn:definitions"), "processes/broken.bpmn: not a valid BPMN model"));
    cases.put("no diagram", Map.entry(utf8(Bpmn.withoutShapeOf(RevisionFixtures.v1("broken-di"), REVIEW)),
        "processes/broken.bpmn: UserTask_Review (\"Review\"): has no diagram layout (no shape in the diagram), so Cockpit and Modeler cannot show it"));
    cases.put("missing form", Map.entry(bytes(process("broken-form").startEvent("StartEvent_A").userTask("UserTask_Work").name("Work")
        .camundaFormRef("no-such-form").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: UserTask_Work (\"Work\"): references form 'no-such-form', which is not deployed and not in forms/"));
    cases.put("listener bean", Map.entry(bytes(process("broken-listener").startEvent("StartEvent_A").userTask("UserTask_Work").name("Work")
        .camundaExecutionListenerDelegateExpression("start", "${noticeSender}").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: UserTask_Work (\"Work\"): names delegate 'noticeSender' (${noticeSender}), but the platform has no such delegate — check the spelling"));
    cases.put("class", Map.entry(bytes(process("broken-class").startEvent("StartEvent_A").serviceTask("ServiceTask_Notify").name("Notify")
        .camundaClass("md.nrs.referral.NoSuchDelegate").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: ServiceTask_Notify (\"Notify\"): names Java class 'md.nrs.referral.NoSuchDelegate', which does not exist in the platform"));
    cases.put("called process", Map.entry(bytes(process("broken-call").startEvent("StartEvent_A").callActivity("CallActivity_Shelter")
        .name("Shelter").calledElement("shelter-placment").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: CallActivity_Shelter (\"Shelter\"): calls process 'shelter-placment', which is not deployed and not in this revision"));
    cases.put("decision", Map.entry(bytes(process("broken-decision").startEvent("StartEvent_A").businessRuleTask("BusinessRuleTask_Triage")
        .name("Triage").camundaDecisionRef("referral-triaj").camundaResultVariable("triage").camundaMapDecisionResult("singleResult")
        .endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: BusinessRuleTask_Triage (\"Triage\"): uses decision 'referral-triaj', which is not deployed and not in this revision"));
    cases.put("candidate group", Map.entry(bytes(process("broken-group").startEvent("StartEvent_A").userTask("UserTask_Work").name("Work")
        .camundaCandidateGroups("la-strada,lastrada").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: UserTask_Work (\"Work\"): has candidate group 'lastrada', which is not a known agency, team or role"));
    cases.put("time-to-live", Map.entry(utf8(org.camunda.bpm.model.bpmn.Bpmn.convertToString(
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("broken-ttl").name("No TTL")
        .startEvent("StartEvent_A").endEvent("EndEvent_B").done()).replaceAll("camunda:historyTimeToLive=\"[^\"]*\"", "")),
        "processes/broken.bpmn: broken-ttl (\"No TTL\"): the process has no history time-to-live (camunda:historyTimeToLive)"));
    cases.put("gateway variable", Map.entry(bytes(process("broken-variable").startEvent("StartEvent_A").exclusiveGateway("Gateway_Risk")
        .name("Risk found?").sequenceFlowId("Flow_Risk").condition("yes", "${riskFound}").endEvent("EndEvent_Risk")
        .moveToLastGateway().sequenceFlowId("Flow_NoRisk").condition("no", "${!riskFound}").endEvent("EndEvent_NoRisk").done()),
        "processes/broken.bpmn: Flow_Risk (\"yes\"): uses variable 'riskFound' in its condition, but no form, decision result, "
            + "called process, mapping or the process contract of 'broken-variable' declares it"));
    cases.put("script", Map.entry(bytes(process("broken-script").startEvent("StartEvent_A").scriptTask("ScriptTask_Compute").name("Compute")
        .scriptFormat("javascript").scriptText("1+1").endEvent("EndEvent_B").done()),
        "processes/broken.bpmn: ScriptTask_Compute (\"Compute\"): contains a script; models may not run code"));

    for (var entry : cases.entrySet()) {
      Response refused = deploy(POLICY, "Broken: " + entry.getKey(), Map.of("processes/broken.bpmn", entry.getValue().getKey()));
      assertThat(refused.status()).as(entry.getKey() + ": " + refused).isEqualTo(400);
      assertThat(read(refused).get("message").asText()).as(entry.getKey()).contains(entry.getValue().getValue());
    }
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKeyLike("broken-%").count())
        .as("nothing of any broken revision deployed").isZero();
  }

  @Test
  void aFormFieldTheFormsContractDoesNotKnowIsRefusedAndTheGoodFileBesideItIsNotDeployed() throws IOException {
    String form = new ClassPathResource("forms/record-follow-up-visit.form").getContentAsString(StandardCharsets.UTF_8);
    JsonNode parsed = json.readTree(form);
    ((com.fasterxml.jackson.databind.node.ArrayNode) parsed.get("components")).addObject()
        .put("type", "textfield").put("key", "favouriteColour").put("label", "Favourite colour").put("id", "Field_Colour");

    Response refused = deploy(POLICY, "Visit form with a new field", Map.of(
        "forms/record-follow-up-visit.form", utf8(parsed.toString()),
        "processes/revision-good-fixture.bpmn", bytes(RevisionFixtures.v1("revision-good-fixture"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(read(refused).get("message").asText()).contains("forms/record-follow-up-visit.form: record-follow-up-visit: "
        + "field 'favouriteColour' is unknown to the form's contract on the server, so every submission would be refused");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("revision-good-fixture").count())
        .as("refused as a whole").isZero();
  }

  // --- migration of running cases -------------------------------------------------------------------

  @Test
  void runningCasesMoveToTheNewVersionAfterADryRunAndFinishOnIt() throws IOException {
    String key = "revision-migration-fixture";
    assertThat(deploy(POLICY, "v1", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v1(key)))).status()).isEqualTo(200);
    String atIntake = start(key, "NRS-2026-000901");
    String atReview = start(key, "NRS-2026-000902");
    complete(atReview, INTAKE);
    Task review = taskOf(atReview);
    Date due = new Date(1_800_000_000_000L);
    review.setDueDate(due);
    engine.getTaskService().saveTask(review);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(atReview).timers().singleResult();
    assertThat(deploy(POLICY, "v2", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v2(key)))).status()).isEqualTo(200);
    String request = "{\"processKey\": \"" + key + "\", \"fromVersion\": 1, \"toVersion\": 2}";

    JsonNode plan = read(http.post("/api/models/migrations/plan", POLICY, request));
    assertThat(plan.get("instructions").findValuesAsText("from")).containsExactlyInAnyOrder(INTAKE, REVIEW, REVIEW_OVERDUE);

    Response dryRunResponse = http.post("/api/models/migrations/dry-run", POLICY, request);
    assertThat(dryRunResponse.status()).as(dryRunResponse.toString()).isEqualTo(200);
    JsonNode dryRun = read(dryRunResponse);
    assertThat(dryRun.get("cannotMove")).isEmpty();
    assertThat(dryRun.get("canMove").toString())
        .contains("{\"processInstanceId\":\"" + atIntake + "\",\"caseCode\":\"NRS-2026-000901\",\"waitingAt\":[\"" + INTAKE + "\"],\"reasons\":[]")
        .contains("{\"processInstanceId\":\"" + atReview + "\",\"caseCode\":\"NRS-2026-000902\",\"waitingAt\":[\"" + REVIEW + "\"],\"reasons\":[]");
    assertThat(versionOf(atIntake)).as("a dry run moves nothing").isEqualTo(1);

    Response executed = http.post("/api/models/migrations/execute", POLICY, request);
    assertThat(executed.status()).as(executed.toString()).isEqualTo(202);
    String batchId = read(executed).get("batchId").asText();
    runBatch(batchId);

    JsonNode report = read(http.get("/api/models/migrations/batches/" + batchId, POLICY));
    assertThat(report.get("finished").asBoolean()).isTrue();
    assertThat(report.get("succeeded").asInt()).isEqualTo(2);
    assertThat(report.get("startedBy").asText()).isEqualTo("rev.policy");
    assertThat(report.get("instances").findValuesAsText("status")).containsExactly("moved", "moved");
    assertThat(versionOf(atIntake)).isEqualTo(2);
    assertThat(versionOf(atReview)).isEqualTo(2);
    assertThat(taskOf(atReview).getDueDate()).as("the task's due date survives").isEqualTo(due);
    Job movedTimer = engine.getManagementService().createJobQuery().processInstanceId(atReview).timers().singleResult();
    assertThat(movedTimer.getId()).isEqualTo(timer.getId());
    assertThat(movedTimer.getDuedate()).as("the timer keeps its due date").isEqualTo(timer.getDuedate());
    assertThat(movedTimer.getProcessDefinitionId()).isEqualTo(definitionOf(key, 2));

    // Finished on v2: the case that was at the intake now passes the new check
    complete(atIntake, INTAKE);
    complete(atIntake, CHECK);
    complete(atIntake, REVIEW);
    complete(atReview, REVIEW);
    for (String instance : List.of(atIntake, atReview)) {
      var done = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
      assertThat(done.getEndTime()).isNotNull();
      assertThat(done.getProcessDefinitionId()).isEqualTo(definitionOf(key, 2));
    }
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(atIntake).activityId(CHECK)
        .finished().count()).isEqualTo(1);
  }

  @Test
  void rollingBackRedeploysThePreviousRevisionAndCasesMoveBackUnlessTheyWaitAtTheRemovedStep() throws IOException {
    String key = "revision-rollback-fixture";
    String v1 = read(deploy(POLICY, "v1", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v1(key))))).get("id").asText();
    deploy(POLICY, "v2", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v2(key))));
    String atIntake = start(key, "NRS-2026-000911");
    String atCheck = start(key, "NRS-2026-000912");
    complete(atCheck, INTAKE);
    long revisionOfV1 = revisionOf(v1).get("id").asLong();

    Response redeployed = http.post("/api/models/revisions/" + revisionOfV1 + "/redeploy", POLICY, "");
    assertThat(redeployed.status()).as(redeployed.toString()).isEqualTo(201);
    assertThat(read(redeployed).get("processes").get(0).get("version").asInt()).isEqualTo(3);
    JsonNode rollback = revisionOf(read(redeployed).get("deploymentId").asText());
    assertThat(rollback.get("source").asText()).isEqualTo(ModelRevisionsController.ROLLBACK_SOURCE);
    assertThat(rollback.get("changes").get(0).get("removed")).extracting(JsonNode::asText)
        .containsExactly(CHECK + " (\"Check with the coordinator\")");

    String request = "{\"processKey\": \"" + key + "\", \"fromVersion\": 2, \"toVersion\": 3}";
    JsonNode dryRun = read(http.post("/api/models/migrations/dry-run", POLICY, request));
    assertThat(dryRun.get("canMove").findValuesAsText("processInstanceId")).containsExactly(atIntake);
    JsonNode stuck = dryRun.get("cannotMove").get(0);
    assertThat(stuck.get("processInstanceId").asText()).isEqualTo(atCheck);
    assertThat(stuck.get("reasons").get(0).asText()).startsWith(CHECK + ": ");

    JsonNode executed = read(http.post("/api/models/migrations/execute", POLICY, request));
    runBatch(executed.get("batchId").asText());
    assertThat(versionOf(atIntake)).isEqualTo(3);
    assertThat(versionOf(atCheck)).as("left on v2, as the dry run said").isEqualTo(2);

    // With an explicit mapping of the removed step to the review, the last case moves back too
    String mapped = "{\"processKey\": \"" + key + "\", \"fromVersion\": 2, \"toVersion\": 3, "
        + "\"mappings\": [{\"from\": \"" + CHECK + "\", \"to\": \"" + REVIEW + "\"}]}";
    runBatch(read(http.post("/api/models/migrations/execute", POLICY, mapped)).get("batchId").asText());
    assertThat(versionOf(atCheck)).isEqualTo(3);
    assertThat(taskOf(atCheck).getTaskDefinitionKey()).isEqualTo(REVIEW);
  }

  @Test
  void aPlanTheEngineCannotUseIsA400NamingTheInstruction() {
    String key = "revision-plan-fixture";
    deploy(POLICY, "v1", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v1(key))));
    deploy(POLICY, "v2", Map.of("processes/" + key + ".bpmn", bytes(RevisionFixtures.v2(key))));

    Response refused = http.post("/api/models/migrations/plan", POLICY, "{\"processKey\": \"" + key
        + "\", \"fromVersion\": 1, \"toVersion\": 2, \"mappings\": [{\"from\": \"UserTask_Nowhere\", \"to\": \"" + REVIEW + "\"}]}");
    Response unknown = http.post("/api/models/migrations/plan", POLICY, "{\"processKey\": \"" + key + "\", \"fromVersion\": 1, \"toVersion\": 9}");
    Response incomplete = http.post("/api/models/migrations/plan", POLICY, "{\"fromVersion\": 1}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).contains("UserTask_Nowhere");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.body()).contains("processKey").contains("toVersion");
  }

  // --- helpers --------------------------------------------------------------------------------------

  private static Credentials in(Credentials who, String acceptLanguage) {
    return builder -> {
      who.apply(builder);
      builder.header("Accept-Language", acceptLanguage);
    };
  }

  private Response deploy(Credentials who, String name, Map<String, byte[]> files) {
    return http.postMultipart("/engine-rest/deployment/create", who,
        Map.of("deployment-name", name, "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"), files);
  }

  private JsonNode revisionOf(String deploymentId) throws IOException {
    Response log = http.get("/api/models/revisions", POLICY);
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    for (JsonNode revision : read(log)) {
      if (revision.get("deploymentId").asText().equals(deploymentId)) {
        return revision;
      }
    }
    throw new AssertionError("No revision for deployment " + deploymentId + " in " + log);
  }

  private String start(String key, String caseCode) {
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(key, caseCode)).getId();
  }

  private Task taskOf(String instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
  }

  private void complete(String instance, String step) {
    Task task = taskOf(instance);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
    engine.getTaskService().complete(task.getId());
  }

  private int versionOf(String instance) {
    String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definition).getVersion();
  }

  private String definitionOf(String key, int version) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult().getId();
  }

  private int latestVersion(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  /** Runs the batch's jobs as the job executor would: the seed job, the migration jobs, then the monitor job. */
  private void runBatch(String batchId) {
    var management = engine.getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
        management.executeJob(job.getId());
      }
    }
  }

  private JsonNode read(Response response) throws IOException {
    return json.readTree(response.body());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Removes one element's shape from a model's diagram, as a hand-edited file might lose it. */
  private static final class Bpmn {
    static String withoutShapeOf(org.camunda.bpm.model.bpmn.BpmnModelInstance model, String elementId) {
      return org.camunda.bpm.model.bpmn.Bpmn.convertToString(model)
          .replaceAll("(?s)<bpmndi:BPMNShape[^>]*bpmnElement=\"" + elementId + "\".*?</bpmndi:BPMNShape>", "");
    }
  }
}
