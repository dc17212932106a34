package md.nrs.referral.models;

import static md.nrs.referral.engine.CaseVariables.CASE_CODE;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.expressions.PlatformDelegates;
import md.nrs.referral.identity.DirectoryProperties;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.sla.ActOnOverdueStepForm;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The element templates against the running platform: what they fix is what the revision gate accepts
 * (platform delegates, directory groups, deployed sub-paths), and a model made only of template-placed
 * elements, deployed by policy staff as Camunda Modeler does, passes the gate and runs a case to its end.
 * Run on H2 ({@link ElementTemplateModelOnH2Test}) and PostgreSQL ({@link ElementTemplateModelOnPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ElementTemplateModelContract {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Credentials POLICY = basic("tpl.policy", PASSWORD);
  private static final Credentials LA_STRADA = basic("tpl.lastrada", PASSWORD);
  private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired BeanFactory beans;
  @Autowired DirectoryProperties directory;
  @Autowired OutboxRepository outbox;
  @LocalServerPort int port;
  PlatformHttp http;

  @BeforeAll
  void users() {
    http = new PlatformHttp(port);
    TestUsers.ensure(engine, "tpl.policy", PASSWORD, "policy-staff");
    TestUsers.ensure(engine, "tpl.lastrada", PASSWORD, "la-strada", "caseworkers");
  }

  @Test
  void everyDelegateATemplateFixesIsAPlatformDelegate() {
    List<String> delegates = new ArrayList<>();
    for (JsonNode template : ElementTemplates.all()) {
      for (JsonNode property : template.path("properties")) {
        if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
          assertThat(property.path("type").asText()).as("fixed, never typed").isEqualTo("Hidden");
          Matcher bean = SIMPLE_BEAN.matcher(property.path("value").asText());
          assertThat(bean.matches()).as(property.path("value").asText() + " is ${beanName}").isTrue();
          delegates.add(bean.group(1));
        }
      }
    }
    assertThat(delegates).containsExactlyInAnyOrder("notifyAgency", "checkConsentToNotify");
    assertThat(delegates).allSatisfy(name -> assertThat(PlatformDelegates.isDelegate(beans, name)).as(name).isTrue());
  }

  @Test
  void everyAgencyDropdownOffersExactlyTheDirectorysAgenciesAndTeamsAndTheNrsCoordinators() {
    Set<String> known = new TreeSet<>();
    directory.agencies().forEach(a -> known.add(a.id()));
    directory.teams().forEach(t -> known.add(t.id()));
    known.add(NrsRole.NRS_COORDINATORS.groupId());
    int dropdowns = 0;
    for (JsonNode template : ElementTemplates.all()) {
      for (JsonNode property : template.path("properties")) {
        String bound = property.path("binding").path("name").asText();
        if (Set.of("camunda:candidateGroups", "notifiedAgency", "consentAgency").contains(bound)) {
          dropdowns++;
          assertThat(property.path("type").asText()).isEqualTo("Dropdown");
          Set<String> offered = new TreeSet<>();
          property.path("choices").forEach(c -> offered.add(c.path("value").asText()));
          assertThat(offered).as(template.path("id").asText() + " " + bound).isEqualTo(known);
        }
      }
    }
    assertThat(dropdowns).isEqualTo(3);
  }

  @Test
  void everySubPathTheCallTemplateOffersIsADeployedProcess() {
    JsonNode called = property(ElementTemplates.byId("md.nrs.call-sub-path"), "calledElement");
    List<String> keys = new ArrayList<>();
    called.path("choices").forEach(c -> keys.add(c.path("value").asText()));
    assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).count()).as(key).isPositive());
  }

  @Test
  void aModelBuiltOnlyFromTheTemplatesIsAcceptedByTheGateAndRunsACaseToItsEnd() throws IOException {
    String key = "template-built-fixture";
    Response deployed = deploy(POLICY, "Built from the element templates", bytes(fromTemplates(key, "${notifyAgency}")));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);

    String caseCode = "NRS-2026-000931";
    String instance = PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(key, caseCode)).getId();
    Task prepare = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(prepare.getTaskDefinitionKey()).as("consent allowed sharing (identification stage)").isEqualTo("UserTask_Prepare");
    assertThat(prepare.getDueDate()).as("due date from the SLA table").isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(prepare.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("la-strada"));

    Response completed = http.post("/engine-rest/task/" + prepare.getId() + "/complete", LA_STRADA,
        "{\"variables\": {\"escalationAction\": {\"value\": \"contacted-agency\"}, "
            + "\"escalationNote\": {\"value\": \"Agreed with the shelter\"}}}");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    List<OutboxEntry> sent = outbox.findByCaseCodeOrderByIdAsc(caseCode);
    assertThat(sent).singleElement().satisfies(entry -> {
      assertThat(entry.getAgencyId()).isEqualTo("cap-chisinau");
      assertThat(entry.getStep()).isEqualTo("ServiceTask_TellShelter");
      assertThat(entry.getRequest()).isEqualTo("Prepare a shelter place for the case");
    });

    var child = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
    assertThat(child.getBusinessKey()).isEqualTo(caseCode);
    assertThat(engine.getRuntimeService().getVariable(child.getId(), CASE_CODE.name())).isEqualTo(caseCode);
    Task overdue = engine.getTaskService().createTaskQuery().processInstanceId(child.getId()).singleResult();
    engine.getTaskService().complete(overdue.getId(), FormSubmission.of(new ActOnOverdueStepForm("other", "Done")));

    var done = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
    assertThat(done.getEndTime()).as("the case ran to its end").isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("EndEvent_Done").finished().count()).isEqualTo(1);
  }

  @Test
  void theSameModelWithTheTemplatesFixedDelegateEditedByHandIsRefusedNamingTheElement() throws IOException {
    String key = "template-edited-fixture";
    Response refused = deploy(POLICY, "A template value edited by hand", bytes(fromTemplates(key, "${notifyAgencies}")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText())
        .contains("ServiceTask_TellShelter (\"Tell the shelter\"): names delegate 'notifyAgencies'");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  /** Start, consent check, gateway, agency task, notification, sub-path, end: every configured element from a template. */
  private static BpmnModelInstance fromTemplates(String key, String notifyDelegate) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Fixture: built from templates").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Referred").name("Referred")
        .serviceTask("ServiceTask_CheckConsent").name("Check consent to share with the shelter")
        .exclusiveGateway("Gateway_Consent").name("Consent?")
        .sequenceFlowId("Flow_WithConsent")
        .userTask("UserTask_Prepare").name("Prepare the assistance")
        .serviceTask("ServiceTask_TellShelter").name("Tell the shelter")
        .callActivity("CallActivity_OverdueStep").name("Overdue step")
        .endEvent("EndEvent_Done").name("Done")
        .moveToNode("Gateway_Consent").sequenceFlowId("Flow_WithoutConsent")
        .endEvent("EndEvent_NoConsent").name("No consent")
        .done();
    ElementTemplates.apply(model, "ServiceTask_CheckConsent", "md.nrs.consent-check", Map.of("Share with", "cap-chisinau"));
    ElementTemplates.apply(model, "Flow_WithConsent", "md.nrs.with-consent", Map.of());
    ElementTemplates.apply(model, "Flow_WithoutConsent", "md.nrs.without-consent", Map.of());
    ElementTemplates.apply(model, "UserTask_Prepare", "md.nrs.agency-task",
        Map.of("Who does it", "la-strada", "Form", "act-on-overdue-step"));
    ElementTemplates.apply(model, "ServiceTask_TellShelter", "md.nrs.notify-agency",
        Map.of("Agency to tell", "cap-chisinau", "What is asked", "Prepare a shelter place for the case"));
    ElementTemplates.apply(model, "CallActivity_OverdueStep", "md.nrs.call-sub-path", Map.of("Sub-path", "sla-escalation"));
    if (!"${notifyAgency}".equals(notifyDelegate)) {
      model.<org.camunda.bpm.model.bpmn.instance.ServiceTask>getModelElementById("ServiceTask_TellShelter")
          .setCamundaDelegateExpression(notifyDelegate);
    }
    return model;
  }

  private static JsonNode property(JsonNode template, String boundName) {
    for (JsonNode property : template.path("properties")) {
      if (boundName.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError("no property bound to " + boundName + " in " + template.path("id").asText());
  }

  private Response deploy(Credentials who, String name, byte[] bpmn) {
    return http.postMultipart("/engine-rest/deployment/create", who,
        Map.of("deployment-name", name, "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"),
        Map.of("processes/" + name.toLowerCase().replaceAll("[^a-z]+", "-") + ".bpmn", bpmn));
  }

  private static byte[] bytes(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }
}
