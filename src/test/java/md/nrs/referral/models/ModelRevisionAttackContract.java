package md.nrs.referral.models;

import static md.nrs.referral.models.RevisionFixtures.bytes;
import static md.nrs.referral.models.RevisionFixtures.process;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.DeploymentCheckPlugin;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, item 1, from the attacker's side: a policy officer deploys a revision (multipart POST to
 * /engine-rest/deployment/create, as Camunda Modeler does) whose expressions try to reach the engine's
 * services or the Java runtime. Every such revision is refused with 400 naming file, element and reason;
 * afterwards the officer is not an administrator and nothing was deployed. A model that gets past the
 * gate (deployed with the gate taken out) still cannot reach them: the engine's own resolver refuses.
 * Run on H2 ({@link ModelRevisionAttackOnH2Test}) and PostgreSQL ({@link ModelRevisionAttackOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ModelRevisionAttackContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final String OFFICER = "atk.policy";
  static final Credentials POLICY = basic(OFFICER, PASSWORD);
  static final String FILE = "processes/attack.bpmn";
  static final String DMN_FILE = "processes/attack.dmn";

  /** The first payload of the issue: the officer makes themself an administrator. */
  static final String BECOME_ADMIN = "${execution.getProcessEngineServices().getIdentityService()"
      + ".createMembership('" + OFFICER + "','camunda-admin')}";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void officer() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, OFFICER, PASSWORD, "policy-staff");
  }

  /** The second payload of the issue: an OS command through reflection, here touching a marker file. */
  static String runCommand(Path marker) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker + "')}";
  }

  @Test
  void theIssuesPayloadThatMadeThePolicyOfficerAnAdministratorIsRefusedAndTheyStayPolicyStaff() throws IOException {
    Response refused = deploy("Attack: become admin", FILE, bytes(serviceTaskWith(t -> t.camundaExpression(BECOME_ADMIN))));

    assertRefused(refused, FILE + ": ServiceTask_Run (\"Run\"): has an expression in camunda:expression that is not "
        + "allowed: it calls getProcessEngineServices() of execution, which models may not use");
  }

  @Test
  void theIssuesPayloadThatRanAnOsCommandIsRefusedAndNoCommandRuns() throws IOException {
    Path marker = Files.createTempDirectory("nrs-attack").resolve("pwned");

    Response refused = deploy("Attack: run a command", FILE,
        bytes(serviceTaskWith(t -> t.camundaExpression(runCommand(marker)))));

    assertRefused(refused, FILE + ": ServiceTask_Run (\"Run\"): has an expression in camunda:expression that is not "
        + "allowed: it calls getClass() of a value, which models may not use");
    assertThat(marker).doesNotExist();
  }

  static Stream<Arguments> variantsAroundThePayloads() {
    String ternary = "${execution.getProcessEngineServices().getIdentityService().createMembership('" + OFFICER
        + "','camunda-admin') == null ? 'la-strada' : 'la-strada'}";
    return Stream.of(
        bpmn("property syntax instead of calls", serviceTaskWith(t -> t.camundaExpression(
                "${execution.processEngineServices.identityService.createMembership('" + OFFICER + "','camunda-admin')}")),
            "ServiceTask_Run (\"Run\")", "reads 'processEngineServices' of execution"),
        bpmn("deferred #{} syntax", serviceTaskWith(t -> t.camundaExpression(BECOME_ADMIN.replace("${", "#{"))),
            "ServiceTask_Run (\"Run\")", "calls getProcessEngineServices() of execution"),
        bpmn("the engine itself instead of its services", serviceTaskWith(t -> t.camundaExpression(
                "${execution.processEngine.identityService}")),
            "ServiceTask_Run (\"Run\")", "reads 'processEngine' of execution"),
        bpmn("bracket notation", serviceTaskWith(t -> t.camundaExpression("${execution['processEngineServices']}")),
            "ServiceTask_Run (\"Run\")", "uses bracket access"),
        bpmn("string concatenation building the member name", serviceTaskWith(t -> t.camundaExpression(
                "${execution[('processEngine').concat('Services')].identityService}")),
            "ServiceTask_Run (\"Run\")", "uses bracket access"),
        bpmn("a class name built from pieces", serviceTaskWith(t -> t.camundaExpression(
                "${''.getClass().forName('java.lang.'.concat('Runtime'))}")),
            "ServiceTask_Run (\"Run\")", "calls getClass() of a value"),
        bpmn("reflection from a decision result", serviceTaskWith(t -> t.camundaExpression("${decisionResult.getClass()}")),
            "ServiceTask_Run (\"Run\")", "calls getClass() of decisionResult"),
        bpmn("the class of a variable", serviceTaskWith(t -> t.camundaExpression("${caseCode.class.classLoader}")),
            "ServiceTask_Run (\"Run\")", "reads 'class' of a variable"),
        bpmn("in a gateway condition", withCondition("${execution.processEngine.identityService != null}"),
            "Flow_Yes (\"yes\")", "in its condition that is not allowed: it reads 'processEngine' of execution"),
        bpmn("in an execution listener", serviceTaskWith(t -> t.camundaDelegateExpression("${countFollowUp}")
                .camundaExecutionListenerExpression("start", BECOME_ADMIN)),
            "ServiceTask_Run (\"Run\")", "calls getProcessEngineServices() of execution"),
        bpmn("in a task listener, through the task", userTaskWith(t -> t.camundaTaskListenerExpression("create",
                "${task.execution.processEngineServices.identityService}")),
            "UserTask_Work (\"Work\")", "reads 'execution' of task"),
        bpmn("in a candidate group, nested in a ternary", userTaskWith(t -> t.camundaCandidateGroups(ternary)),
            "UserTask_Work (\"Work\")", "in camunda:candidateGroups that is not allowed: it calls getProcessEngineServices()"),
        bpmn("in an assignee", userTaskWith(t -> t.camundaAssignee("${execution.processEngineServices.identityService}")),
            "UserTask_Work (\"Work\")", "in camunda:assignee that is not allowed"),
        bpmn("in a due date", userTaskWith(t -> t.camundaDueDate("${''.getClass().forName('java.lang.Runtime')}")),
            "UserTask_Work (\"Work\")", "in camunda:dueDate that is not allowed: it calls getClass() of a value"),
        bpmn("in a follow-up date", userTaskWith(t -> t.camundaFollowUpDate("${execution.getProcessEngine()}")),
            "UserTask_Work (\"Work\")", "calls getProcessEngine() of execution"),
        bpmn("in a timer", withTimer("${execution.processEngineServices.managementService}"),
            "BoundaryEvent_Late (\"Late\")", "in timeDuration that is not allowed: it reads 'processEngineServices'"),
        bpmn("in an input mapping", serviceTaskWith(t -> t.camundaDelegateExpression("${countFollowUp}")
                .camundaInputParameter("x", BECOME_ADMIN)),
            "ServiceTask_Run (\"Run\")", "in inputParameter that is not allowed"),
        bpmn("in an output mapping", serviceTaskWith(t -> t.camundaDelegateExpression("${countFollowUp}")
                .camundaOutputParameter("y", "${execution.processEngineServices}")),
            "ServiceTask_Run (\"Run\")", "in outputParameter that is not allowed"),
        bpmn("in a field injection", withField(BECOME_ADMIN),
            "ServiceTask_Run (\"Run\")", "in expression that is not allowed: it calls getProcessEngineServices()"),
        bpmn("in a multi-instance collection", userTaskWith(t -> t.multiInstance()
                .camundaCollection("${execution.processEngineServices.identityService.createGroupQuery().list()}")
                .camundaElementVariable("group").multiInstanceDone()),
            "UserTask_Work (\"Work\")", "in camunda:collection that is not allowed"),
        bpmn("in a message name", withMessage("${execution.processEngineServices}"),
            "", "has an expression in name that is not allowed: it reads 'processEngineServices' of execution"),
        bpmn("an engine bean by name", serviceTaskWith(t -> t.camundaExpression(
                "${identityService.createMembership('" + OFFICER + "','camunda-admin')}")),
            "ServiceTask_Run (\"Run\")", "calls createMembership() of a variable"),
        bpmn("an engine service as delegate", serviceTaskWith(t -> t.camundaDelegateExpression("${identityService}")),
            "ServiceTask_Run (\"Run\")", "names 'identityService', which is not one of the platform's delegates or listeners"),
        bpmn("a delegate expression that is not a bean name", serviceTaskWith(t -> t.camundaDelegateExpression(
                "${execution.processEngineServices.identityService}")),
            "ServiceTask_Run (\"Run\")", "has a delegate expression that does not name a platform delegate"),
        bpmn("camunda:class naming an engine class", serviceTaskWith(t -> t.camundaClass(
                "org.camunda.bpm.engine.impl.util.ReflectUtil")),
            "ServiceTask_Run (\"Run\")", "names Java class 'org.camunda.bpm.engine.impl.util.ReflectUtil' (camunda:class); "
                + "models may not name classes"),
        bpmn("camunda:class of a listener", serviceTaskWith(t -> t.camundaDelegateExpression("${countFollowUp}")
                .camundaExecutionListenerClass("start", "org.camunda.bpm.engine.impl.util.ReflectUtil")),
            "ServiceTask_Run (\"Run\")", "names Java class 'org.camunda.bpm.engine.impl.util.ReflectUtil' (camunda:class)"),
        bpmn("a function that is not on the list", serviceTaskWith(t -> t.camundaExpression("${java:exec('id')}")),
            "ServiceTask_Run (\"Run\")", "calls function 'java:exec()'"),
        bpmn("a lambda", serviceTaskWith(t -> t.camundaExpression("${(x -> x.getClass())('')}")),
            "ServiceTask_Run (\"Run\")", "is not an expression the engine can read"),
        bpmn("Spring's T() type reference", serviceTaskWith(t -> t.camundaExpression("${T(java.lang.Runtime).getRuntime()}")),
            "ServiceTask_Run (\"Run\")", "calls function 'T()'"),
        bpmn("another Spring bean's property", userTaskWith(t -> t.camundaAssignee("${dataSource.connection}")),
            "UserTask_Work (\"Work\")", "names the platform's bean 'dataSource' in camunda:assignee"),
        bpmn("a script task", process("attack-script").startEvent("StartEvent_A").scriptTask("ScriptTask_Run").name("Run")
                .scriptFormat("groovy").scriptText("'id'.execute()").endEvent("EndEvent_B").done(),
            "ScriptTask_Run (\"Run\")", "contains a script; models may not run code"),
        bpmn("a called process's business key", process("attack-call").startEvent("StartEvent_A").callActivity("CallActivity_Run")
                .name("Run").calledElement("monitoring").camundaInBusinessKey(BECOME_ADMIN).endEvent("EndEvent_B").done(),
            "CallActivity_Run (\"Run\")", "in businessKey that is not allowed"),
        dmn("a DMN input expression in JUEL", decision("inputExpression", "juel", "${execution.processEngineServices}"),
            "uses expression language 'juel' in inputExpression InputExpression_1; decisions may use only FEEL"),
        dmn("a DMN input entry in Groovy", decision("inputEntry", "groovy", "'id'.execute() != null"),
            "uses expression language 'groovy' in inputEntry UnaryTests_1; decisions may use only FEEL"),
        dmn("a DMN output entry in JavaScript", decision("outputEntry", "javascript", "java.lang.Runtime.getRuntime()"),
            "uses expression language 'javascript' in outputEntry LiteralExpression_1"),
        dmn("a DMN output entry in Python", decision("outputEntry", "python", "__import__('os').system('id')"),
            "uses expression language 'python'"),
        dmn("a DMN input entry in JRuby", decision("inputEntry", "jruby", "`id`"),
            "uses expression language 'jruby'"),
        dmn("JUEL as the decision's default language", decision("definitions", "juel", "\"x\""),
            "uses expression language 'juel' in definitions"),
        dmn("a FEEL function calling Java", decision("outputEntry", null,
                "function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}"),
            "defines a function in outputEntry LiteralExpression_1"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("variantsAroundThePayloads")
  void eachVariantIsRefusedNamingFileElementAndReasonAndChangesNothing(String variant, String file, byte[] model,
      String fileAndElement, String reason) throws IOException {
    Response refused = deploy("Attack: " + variant, file, model);

    assertRefused(refused, fileAndElement, reason);
  }

  @Test
  void aRevisionUsingOnlyAllowedShapesIsDeployedAndRuns() throws IOException {
    BpmnModelInstance model = process("attack-allowed").startEvent("StartEvent_A")
        .userTask("UserTask_Work").name("Work").camundaCandidateGroups("la-strada")
        .camundaDueDate("${dateTime().withTimeAtStartOfDay().plusDays(3).toDate()}")
        .camundaInputParameter("caseOf", "#{execution.processBusinessKey}")
        .endEvent("EndEvent_B").done();

    Response deployed = deploy("Allowed shapes", "processes/attack-allowed.bpmn", bytes(model));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

    String instance = PlatformStarts.withBusinessKey("NRS-2026-009901",
        () -> engine.getRuntimeService().startProcessInstanceByKey("attack-allowed", "NRS-2026-009901")).getId();
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getDueDate()).isNotNull();
    assertThat(engine.getRuntimeService().getVariableLocal(task.getExecutionId(), "caseOf")).isEqualTo("NRS-2026-009901");
  }

  // --- a model that slipped past the gate --------------------------------------------------------

  @Test
  void aModelThatBypassesTheGateCannotReachTheIdentityService() {
    bypassingTheGate(() -> deployDirectly("bypass-admin", serviceTaskModel("bypass-admin", BECOME_ADMIN, false)));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("bypass-admin"))
        .hasStackTraceContaining("The platform does not let expressions call 'getProcessEngineServices()' of an execution");
    assertNotAdministrator();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bypass-admin").count()).isZero();
  }

  @Test
  void aModelThatBypassesTheGateCannotReachTheJavaRuntime() throws IOException {
    Path marker = Files.createTempDirectory("nrs-bypass").resolve("pwned");
    bypassingTheGate(() -> deployDirectly("bypass-runtime", serviceTaskModel("bypass-runtime", runCommand(marker), false)));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("bypass-runtime"))
        .hasStackTraceContaining("The platform does not let expressions call 'getClass()' of java.lang.String");
    assertThat(marker).doesNotExist();
  }

  @Test
  void aModelThatBypassesTheGateCannotNameTheEnginesBeans() {
    bypassingTheGate(() -> deployDirectly("bypass-bean", serviceTaskModel("bypass-bean",
        "${identityService.createMembership('" + OFFICER + "','camunda-admin')}", false)));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("bypass-bean"))
        .hasStackTraceContaining("identityService");
    assertNotAdministrator();
  }

  @Test
  void aBypassingModelRunByTheJobExecutorFailsItsJobInsteadOfRunning() {
    bypassingTheGate(() -> deployDirectly("bypass-async", serviceTaskModel("bypass-async",
        "${execution['processEngineServices'].identityService.createMembership('" + OFFICER + "','camunda-admin')}", true)));
    String instance = engine.getRuntimeService().startProcessInstanceByKey("bypass-async").getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasStackTraceContaining("The platform does not let expressions read 'processEngineServices' of an execution");
    assertNotAdministrator();
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getExceptionMessage())
        .isNotBlank();
  }

  // --- helpers --------------------------------------------------------------------------------------

  private void assertRefused(Response refused, String expected) throws IOException {
    assertRefused(refused, expected, "");
  }

  /** 400, and one problem of the message starts with file and element and gives the reason. */
  private void assertRefused(Response refused, String fileAndElement, String reason) throws IOException {
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    String message = json.readTree(refused.body()).get("message").asText();
    assertThat(message.lines()).as(message).anyMatch(line -> line.contains(fileAndElement)
        && line.indexOf(reason, line.indexOf(fileAndElement) + fileAndElement.length()) >= 0);
    assertNotAdministrator();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKeyLike("attack-%").count()
        + engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKeyLike("attack-%").count())
        .as("nothing of a refused revision is deployed").isEqualTo(allowedDeployed());
  }

  private long allowedDeployed() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("attack-allowed").count();
  }

  private void assertNotAdministrator() {
    assertThat(engine.getIdentityService().createUserQuery().userId(OFFICER).memberOfGroup("camunda-admin").count())
        .as(OFFICER + " is not an administrator").isZero();
  }

  private Response deploy(String name, String file, byte[] content) {
    return http.postMultipart("/engine-rest/deployment/create", POLICY, Map.of("deployment-name", name,
        "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"), Map.of(file, content));
  }

  /** Takes the revision gate out of the engine's deployers for one deployment, as if a model had slipped past it. */
  private void bypassingTheGate(Runnable deployment) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<Deployer> all = configuration.getDeployers();
    configuration.getDeploymentCache().setDeployers(all.stream().filter(d -> !(d instanceof DeploymentCheckPlugin.ChecksDeployer)).toList());
    try {
      deployment.run();
    } finally {
      configuration.getDeploymentCache().setDeployers(all);
    }
  }

  private void deployDirectly(String key, BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment().name("Bypass: " + key).addModelInstance(key + ".bpmn", model).deploy();
  }

  private static BpmnModelInstance serviceTaskModel(String key, String expression, boolean async) {
    return process(key).startEvent("StartEvent_A").serviceTask("ServiceTask_Run").name("Run")
        .camundaAsyncBefore(async).camundaExpression(expression).endEvent("EndEvent_B").done();
  }

  /** A refused BPMN variant: the problem names the file and the element (when one is given) and gives the reason. */
  private static Arguments bpmn(String variant, BpmnModelInstance model, String element, String reason) {
    return Arguments.of(variant, FILE, bytes(model), FILE + ": " + (element.isEmpty() ? "" : element + ": "), reason);
  }

  private static Arguments dmn(String variant, String content, String reason) {
    String element = content.contains("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" xmlns:camunda="
        + "\"http://camunda.org/schema/1.0/dmn\" id=\"Definitions_Attack\" name=\"Attack\" namespace=\"http://camunda.org/schema/1.0/dmn\" "
        + "expressionLanguage") ? "Definitions_Attack" : "attack-decision (\"Attack\")";
    return Arguments.of(variant, DMN_FILE, content.getBytes(StandardCharsets.UTF_8), DMN_FILE + ": " + element + ": ", reason);
  }

  static BpmnModelInstance serviceTaskWith(Consumer<org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder> settings) {
    var task = process("attack-service").startEvent("StartEvent_A").serviceTask("ServiceTask_Run").name("Run");
    settings.accept(task);
    return task.endEvent("EndEvent_B").done();
  }

  static BpmnModelInstance userTaskWith(Consumer<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder> settings) {
    var task = process("attack-user").startEvent("StartEvent_A").userTask("UserTask_Work").name("Work");
    settings.accept(task);
    return task.endEvent("EndEvent_B").done();
  }

  static BpmnModelInstance withCondition(String condition) {
    return process("attack-condition").startEvent("StartEvent_A").exclusiveGateway("Gateway_Q").name("Q?")
        .sequenceFlowId("Flow_Yes").condition("yes", condition).endEvent("EndEvent_Yes")
        .moveToLastGateway().sequenceFlowId("Flow_No").condition("no", "${true}").endEvent("EndEvent_No").done();
  }

  static BpmnModelInstance withTimer(String duration) {
    return process("attack-timer").startEvent("StartEvent_A").userTask("UserTask_Work").name("Work")
        .camundaCandidateGroups("la-strada").boundaryEvent("BoundaryEvent_Late").name("Late").documentation("Basis: policy default.").timerWithDuration(duration)
        .endEvent("EndEvent_Late").moveToActivity("UserTask_Work").endEvent("EndEvent_B").done();
  }

  static BpmnModelInstance withMessage(String name) {
    return process("attack-message").startEvent("StartEvent_A").intermediateCatchEvent("Catch_Message").name("Wait")
        .message(name).endEvent("EndEvent_B").done();
  }

  static BpmnModelInstance withField(String expression) {
    BpmnModelInstance model = serviceTaskWith(t -> t.camundaDelegateExpression("${countFollowUp}"));
    ServiceTask task = model.getModelElementById("ServiceTask_Run");
    CamundaField field = model.newInstance(CamundaField.class);
    field.setCamundaName("target");
    var child = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExpression.class);
    child.setTextContent(expression);
    field.setCamundaExpressionChild(child);
    task.builder().addExtensionElement(field);
    return model;
  }

  /**
   * A one-rule decision table with one expression in the given place ("inputExpression", "inputEntry",
   * "outputEntry") or default language ("definitions"), in the given language (null: FEEL by default).
   */
  static String decision(String place, String language, String text) {
    String lang = language == null ? "" : " expressionLanguage=\"" + language + "\"";
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    String input = place.equals("inputExpression") ? escaped : "kind";
    String entry = place.equals("inputEntry") ? escaped : "\"a\"";
    String output = place.equals("outputEntry") || place.equals("definitions") ? escaped : "\"b\"";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\""
        + " id=\"Definitions_Attack\" name=\"Attack\" namespace=\"http://camunda.org/schema/1.0/dmn\""
        + (place.equals("definitions") ? lang : "") + ">\n"
        + "  <decision id=\"attack-decision\" name=\"Attack\" camunda:historyTimeToLive=\"30\">\n"
        + "    <decisionTable id=\"DecisionTable_1\">\n"
        + "      <input id=\"Input_1\" label=\"Kind\"><inputExpression id=\"InputExpression_1\" typeRef=\"string\""
        + (place.equals("inputExpression") ? lang : "") + "><text>" + input + "</text></inputExpression></input>\n"
        + "      <output id=\"Output_1\" name=\"result\" typeRef=\"string\"/>\n"
        + "      <rule id=\"Rule_1\"><inputEntry id=\"UnaryTests_1\"" + (place.equals("inputEntry") ? lang : "") + "><text>"
        + entry + "</text></inputEntry><outputEntry id=\"LiteralExpression_1\"" + (place.equals("outputEntry") ? lang : "")
        + "><text>" + output + "</text></outputEntry></rule>\n"
        + "    </decisionTable>\n  </decision>\n</definitions>\n";
  }

}
