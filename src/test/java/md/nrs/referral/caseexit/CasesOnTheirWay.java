package md.nrs.referral.caseexit;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Cases brought to the step a test of the exit (or of a transfer) is about, with ordinary valid answers (the Java API, as the engine). */
public final class CasesOnTheirWay {

  private final ProcessEngine engine;

  public CasesOnTheirWay(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A referral of an adult in Moldova (the MDT of Chisinau) or abroad (IOM), waiting at the identification interview. */
  public ProcessInstance refer(boolean abroad) {
    Map<String, Object> form = new HashMap<>();
    form.put(NrsCaseProcess.CHANNEL.name(), abroad ? "partner-abroad" : "police-cctp");
    form.put(NrsCaseProcess.LOCATION.name(), abroad ? "abroad" : "moldova");
    if (abroad) {
      form.put(NrsCaseProcess.COUNTRY.name(), "Russian Federation");
    }
    form.put(NrsCaseProcess.CATEGORY.name(), "trafficking");
    form.put(NrsCaseProcess.MINOR.name(), false);
    form.put(NrsCaseProcess.AGE_BAND.name(), "18+");
    form.put(NrsCaseProcess.SEX.name(), "female");
    form.put(NrsCaseProcess.IMMEDIATE_DANGER.name(), false);
    form.put(NrsCaseProcess.REFERRAL_SUMMARY.name(), "Returned from labour exploitation");
    return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId(), form);
  }

  /** Identified, consenting, with an approved plan: the case goes on to repatriation (abroad), shelter and services. */
  public ProcessInstance withApprovedPlan(boolean abroad, List<String> services, boolean shelter) {
    ProcessInstance referral = refer(abroad);
    complete(referral, identified());
    complete(referral, InformedConsent.given("iom", "cap-chisinau", "la-strada").submission());
    completeAs(referral, "plan.author", FormSubmission.of(new NeedsAssessmentForm(services, shelter,
        "Assistance as agreed with the person")));
    completeAs(referral, "plan.approver", Map.of(PLAN_DECISION.name(), "approve"));
    return referral;
  }

  /** The identification interview's answer: a presumed victim of labour exploitation. */
  public static Map<String, Object> identified() {
    return FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"),
        "presumed-victim", null, null));
  }

  /** The one open task of the case process itself. */
  public Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN,
            Elements.PROPOSE_CLOSURE, Elements.APPROVE_CLOSURE).singleResult();
  }

  private void complete(ProcessInstance instance, Map<String, Object> form) {
    engine.getTaskService().complete(task(instance).getId(), form);
  }

  private void completeAs(ProcessInstance instance, String user, Map<String, Object> form) {
    Task task = task(instance);
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), form);
  }
}
