package md.nrs.referral.benchmark;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.ApproveAssistancePlanForm;
import md.nrs.referral.casepath.ApproveCaseClosureForm;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.ProposeCaseClosureForm;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * One whole case through the platform's real models, delegates, listeners, form guard, vault, consent,
 * outbox and due dates, driven through the Java API as Tasklist would: every step claimed and its form
 * submitted by a member of the agency or team the step is offered to (authorizations on), the referral
 * registered by a La Strada caseworker, waiting timers fired by an operator. An adult in Moldova with
 * legal assistance, reintegration and monitoring, from referral to closure.
 */
final class FullCasePath {

  static final String PASSWORD = "Bench#Path-2026";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> GROUPS = List.of("la-strada", "iom", "mdt-chisinau", "cap-chisinau", "womens-initiative",
      "community-social-workers", "guardianship-chisinau", "interaction", "resonance", "cctp", "cnfacem");

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final String definitionId;

  FullCasePath(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    for (String group : GROUPS) {
      TestUsers.ensure(engine, user(group), PASSWORD, group, "caseworkers");
    }
    TestUsers.ensure(engine, user("nrs-coordinators"), PASSWORD, "nrs-coordinators");
    TestUsers.ensure(engine, "bench.operator", PASSWORD, "camunda-admin");
    definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .latestVersion().singleResult().getId();
  }

  static String user(String group) {
    return "bench." + group;
  }

  /** Runs one case from referral to closure through the Java API; returns its process instance id. Fails if it does not close. */
  String runOneCase() {
    return runOneCase(javaApi);
  }

  /**
   * The same case over HTTP, as Tasklist and an agency's system send it: the referral and every step's form
   * posted to the engine's REST API ({@code submit-form}, after {@code claim}) with the member's basic
   * credentials, timers fired by the operator's {@code job/{id}/execute}. Only reads (which task is next) use the engine.
   */
  String runOneCaseOverHttp(PlatformHttp http) {
    return runOneCase(new OverHttp(http));
  }

  private String runOneCase(Hands hands) {
    String[] referral = hands.register(FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking",
        "18+", false, "female", false, "Returned from labour exploitation")));
    String id = referral[0];
    step(hands, id, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    step(hands, id, InformedConsent.given("la-strada", "cap-chisinau").submission());
    step(hands, id, FormSubmission.of(new NeedsAssessmentForm(List.of("legal"), false,
        "Legal assistance for the labour claim")));
    step(hands, id, FormSubmission.of(new ApproveAssistancePlanForm("approve", null)));
    new Autopilot(hands).driveUntil(referral[1], id, Elements.PROPOSE_CLOSURE);
    step(hands, id, FormSubmission.of(new ProposeCaseClosureForm("goals-achieved", null)));
    step(hands, id, FormSubmission.of(new ApproveCaseClosureForm("approve", null)));
    if (engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(Elements.CASE_CLOSED).finished().count() != 1) {
      throw new AssertionError("case " + referral[1] + " did not close");
    }
    return id;
  }

  /**
   * A case left open after its first {@code stepsDone} steps (0: just referred; 4: plan approved, the
   * assistance running), its next step claimed by a member of the group it is offered to when
   * {@code claimNext}: the shapes of the open cases the scale benchmark clones. Returns the case code.
   */
  String openCase(int stepsDone, boolean claimNext) {
    ProcessInstance referral = as("la-strada", () -> engine.getFormService().submitStartForm(definitionId, FormSubmission.of(
        new RegisterReferralForm("police-cctp", "moldova", null, "trafficking", "18+", false, "female", false,
            "Returned from labour exploitation"))));
    String id = referral.getId();
    List<Map<String, Object>> steps = List.of(
        FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"),
            "presumed-victim", null, null)),
        InformedConsent.given("la-strada", "cap-chisinau").submission(),
        FormSubmission.of(new NeedsAssessmentForm(List.of("legal"), false, "Legal assistance for the labour claim")),
        FormSubmission.of(new ApproveAssistancePlanForm("approve", null)));
    for (int i = 0; i < Math.min(stepsDone, steps.size()); i++) {
      step(id, steps.get(i));
    }
    if (claimNext) {
      Task next = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referral.getBusinessKey())
          .orderByTaskCreateTime().asc().listPage(0, 1).stream().findFirst()
          .orElseThrow(() -> new AssertionError("case " + referral.getBusinessKey() + " has no open step"));
      String group = candidateGroup(next);
      as(group, () -> {
        engine.getTaskService().claim(next.getId(), user(group));
        return null;
      });
    }
    return referral.getBusinessKey();
  }

  /** The one open step of the case process itself, done by a member of the group it is offered to. */
  private void step(String instance, Map<String, Object> form) {
    step(javaApi, instance, form);
  }

  private void step(Hands hands, String instance, Map<String, Object> form) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN,
            Elements.PROPOSE_CLOSURE, Elements.APPROVE_CLOSURE).singleResult();
    hands.work(task, candidateGroup(task), form);
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new AssertionError("no candidate group on " + task.getTaskDefinitionKey()));
  }

  private <T> T as(String group, java.util.function.Supplier<T> action) {
    List<String> groups = group.equals("nrs-coordinators") ? List.of(group) : List.of(group, "caseworkers");
    identity.setAuthentication(user(group), groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** What a case's users do: register the referral, work a step, fire a timer; through the Java API or over HTTP. */
  private interface Hands {
    /** Returns the case's process instance id and code. */
    String[] register(Map<String, Object> referral);

    void work(Task task, String group, Map<String, Object> form);

    void fireTimer(Job job);
  }

  private final Hands javaApi = new Hands() {
    @Override
    public String[] register(Map<String, Object> referral) {
      ProcessInstance started = as("la-strada", () -> engine.getFormService().submitStartForm(definitionId, referral));
      return new String[] {started.getId(), started.getBusinessKey()};
    }

    @Override
    public void work(Task task, String group, Map<String, Object> form) {
      as(group, () -> {
        engine.getTaskService().claim(task.getId(), user(group));
        engine.getFormService().submitTaskForm(task.getId(), form);
        return null;
      });
    }

    @Override
    public void fireTimer(Job job) {
      identity.setAuthentication("bench.operator", List.of("camunda-admin"));
      try {
        engine.getManagementService().executeJob(job.getId());
      } finally {
        identity.clearAuthentication();
      }
    }
  };

  private final class OverHttp implements Hands {
    private final PlatformHttp http;

    OverHttp(PlatformHttp http) {
      this.http = http;
    }

    @Override
    public String[] register(Map<String, Object> referral) {
      Response started = expect(200, http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
          basic(user("la-strada"), PASSWORD), formSubmission(referral)), "referral");
      try {
        JsonNode instance = JSON.readTree(started.body());
        return new String[] {instance.get("id").asText(), instance.get("businessKey").asText()};
      } catch (java.io.IOException e) {
        throw new AssertionError("referral: " + started, e);
      }
    }

    @Override
    public void work(Task task, String group, Map<String, Object> form) {
      PlatformHttp.Credentials member = basic(user(group), PASSWORD);
      expect(204, http.post("/engine-rest/task/" + task.getId() + "/claim", member,
          "{\"userId\": \"" + user(group) + "\"}"), task.getTaskDefinitionKey() + " claimed");
      expect(204, http.post("/engine-rest/task/" + task.getId() + "/submit-form", member, formSubmission(form)),
          task.getTaskDefinitionKey() + " submitted");
    }

    @Override
    public void fireTimer(Job job) {
      expect(204, http.post("/engine-rest/job/" + job.getId() + "/execute", basic("bench.operator", PASSWORD), ""), "timer");
    }

    private Response expect(int status, Response response, String what) {
      if (response.status() != status) {
        throw new AssertionError(what + " over HTTP: " + response);
      }
      return response;
    }
  }

  private final class Autopilot extends CaseAutopilot {
    private final Hands hands;

    Autopilot(Hands hands) {
      super(FullCasePath.this.engine);
      this.hands = hands;
    }

    @Override
    protected void complete(Task task, Map<String, Object> answer) {
      hands.work(task, candidateGroup(task), answer);
    }

    @Override
    protected void fireTimer(Job job) {
      hands.fireTimer(job);
    }
  }
}
