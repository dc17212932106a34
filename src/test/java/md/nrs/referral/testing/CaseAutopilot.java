package md.nrs.referral.testing;

import static md.nrs.referral.assistance.AssistanceServiceProcess.DELIVERED_ON;
import static md.nrs.referral.assistance.AssistanceServiceProcess.PROVIDER_ANSWER;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_OUTCOME;
import static md.nrs.referral.monitoring.MonitoringProcess.NEW_RISK;
import static md.nrs.referral.monitoring.MonitoringProcess.SITUATION;
import static md.nrs.referral.monitoring.MonitoringProcess.VISITED_ON;
import static md.nrs.referral.reintegration.ReintegrationProcess.PLAN_NOTE;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMMES;
import static md.nrs.referral.reintegration.ReintegrationProcess.PROGRAMME_OUTCOME;
import static md.nrs.referral.reintegration.ReintegrationProcess.REINTEGRATION_OUTCOME;
import static md.nrs.referral.repatriation.RepatriationProcess.ARRIVAL_POINT;
import static md.nrs.referral.repatriation.RepatriationProcess.DOCUMENTS_READY_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.DOCUMENT_TYPE;
import static md.nrs.referral.repatriation.RepatriationProcess.ESCORT;
import static md.nrs.referral.repatriation.RepatriationProcess.ESCORT_NEEDED;
import static md.nrs.referral.repatriation.RepatriationProcess.HANDED_OVER_TO;
import static md.nrs.referral.repatriation.RepatriationProcess.RECEIVED_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.RETURN_WANTED;
import static md.nrs.referral.repatriation.RepatriationProcess.RISK_LEVEL;
import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_DATE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.DISCHARGED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.DISCHARGE_REASON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.EXTEND_STAY;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.REVIEW_REASON;
import java.time.LocalDate;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.reintegration.ReintegrationProcess;
import md.nrs.referral.repatriation.ConfirmChildEscortForm;
import md.nrs.referral.repatriation.RepatriationProcess;
import md.nrs.referral.childprotection.AppointRepresentativeForm;
import md.nrs.referral.childprotection.ChildFriendlyInterviewForm;
import md.nrs.referral.monitoring.HandOverToAdultServicesForm;
import md.nrs.referral.monitoring.MonitoringProcess;
import md.nrs.referral.childprotection.AssessAgeForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.childprotection.UrgentMedicalCareForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;

/**
 * Drives the processes a case calls (child protection, best-interests determinations, repatriation, shelter,
 * services, reintegration, monitoring)
 * forward with ordinary, valid answers, so a test of the case process can get past them to the step
 * it is about. It completes only the tasks it has an answer for, and fires only waiting timers
 * (intermediate timer events), never escalation timers on a task's boundary.
 */
public class CaseAutopilot {

  protected final ProcessEngine engine;
  private final Map<String, Function<Task, Map<String, Object>>> answers = new HashMap<>();

  public CaseAutopilot(ProcessEngine engine) {
    this.engine = engine;
    String today = LocalDate.now(PlatformClock.zone()).toString();
    answer("answer-service-referral", Map.of(PROVIDER_ANSWER.name(), "accept"));
    answer("report-service-outcome", Map.of(SERVICE_OUTCOME.name(), "delivered", DELIVERED_ON.name(), today));
    // a child's plan always includes education (school continuity)
    answer("plan-reintegration", task -> Map.of(PROGRAMMES.name(), Boolean.TRUE.equals(engine.getTaskService()
        .getVariable(task.getId(), ReintegrationProcess.MINOR.name())) ? List.of("family-community", "education") : List.of("family-community"),
        PLAN_NOTE.name(), "Back with her mother"));
    answer("follow-reintegration-programme", Map.of(PROGRAMME_OUTCOME.name(), "completed"));
    answer("review-reintegration", Map.of(REINTEGRATION_OUTCOME.name(), "completed"));
    answer(MonitoringProcess.FORM_HAND_OVER_TO_ADULT_SERVICES, FormSubmission.of(new HandOverToAdultServicesForm(
        "community-social-workers", LocalDate.now(PlatformClock.zone()))));
    answer("record-follow-up-visit", Map.of(VISITED_ON.name(), today, SITUATION.name(), "stable",
        NEW_RISK.name(), false));
    answer("assess-return-risk", Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low",
        ESCORT_NEEDED.name(), false));
    answer("obtain-travel-documents", Map.of(DOCUMENT_TYPE.name(), "consular-travel-document",
        DOCUMENTS_READY_ON.name(), today));
    answer("arrange-repatriation-travel", Map.of(TRAVEL_DATE.name(), today, ARRIVAL_POINT.name(), "chisinau-airport",
        ESCORT.name(), "iom-staff"));
    answer("receive-returned-person", Map.of(RECEIVED_ON.name(), today, HANDED_OVER_TO.name(), "cap"));
    answer("place-in-shelter", Map.of(PLACED_ON.name(), today));
    answer("review-shelter-stay", Map.of(EXTEND_STAY.name(), "no",
        REVIEW_REASON.name(), "Recovered; moving to her family"));
    // placedOn is shown read-only: not submitted, as Tasklist may leave it out
    answer("discharge-from-shelter", Map.of(DISCHARGED_ON.name(), today, DISCHARGE_REASON.name(), "moved-to-family"));
    // a child's case: the guardianship authority's first steps and its best-interests determinations
    answer(ChildProtectionProcess.FORM_ASSESS_SITUATION, FormSubmission.of(new AssessChildSituationForm("separated", "medium",
        false, null)));
    answer(ChildProtectionProcess.FORM_ASSESS_AGE, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_CHILD,
        "forensic-medical-examiner", LocalDate.now(PlatformClock.zone()))));
    answer(RepatriationProcess.FORM_CONFIRM_CHILD_ESCORT, FormSubmission.of(new ConfirmChildEscortForm("iom-staff", true, null)));
    answer(ChildProtectionProcess.FORM_APPOINT_REPRESENTATIVE, FormSubmission.of(new AppointRepresentativeForm("parent", false)));
    answer(ChildProtectionProcess.FORM_CHILD_FRIENDLY_INTERVIEW, FormSubmission.of(new ChildFriendlyInterviewForm(
        "mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));
    answer(ChildProtectionProcess.FORM_URGENT_MEDICAL_CARE, FormSubmission.of(new UrgentMedicalCareForm(LocalDate.now(PlatformClock.zone()),
        "hospital")));
    answer(BestInterestsProcess.FORM_DETERMINE, FormSubmission.of(new DetermineBestInterestsForm("traced-safe", "heard-agrees",
        "iom-staff", BestInterestsProcess.AGREE, null, null)));
  }

  /** Adds or replaces the answer given to tasks of this form, chosen per task. */
  public CaseAutopilot answer(String formId, Function<Task, Map<String, Object>> values) {
    answers.put(formId, values);
    return this;
  }

  /** Adds or replaces the answer given to every task of this form. */
  public CaseAutopilot answer(String formId, Map<String, Object> values) {
    answers.put(formId, task -> values);
    return this;
  }

  /**
   * Completes answerable tasks and fires waiting timers of the case's called processes until the case
   * process itself waits at {@code activityId} (or nothing more can be done, which fails the test).
   */
  public void driveUntil(String caseCode, String caseProcessInstanceId, String activityId) {
    for (int step = 0; step < 200; step++) {
      if (engine.getRuntimeService().getActiveActivityIds(caseProcessInstanceId).contains(activityId)) {
        return;
      }
      if (!completeOneTask(caseCode, caseProcessInstanceId) && !fireOneWaitingTimer(caseCode)) {
        throw new AssertionError("The case is stuck before " + activityId + ": active "
            + engine.getRuntimeService().getActiveActivityIds(caseProcessInstanceId));
      }
    }
    throw new AssertionError("The case did not reach " + activityId + " in 200 steps");
  }

  /** Like {@link #driveUntil}, until the case process has ended (the last steps are in called processes). */
  public void driveUntilEnded(String caseCode, String caseProcessInstanceId) {
    for (int step = 0; step < 200; step++) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseProcessInstanceId).count() == 0) {
        return;
      }
      if (!completeOneTask(caseCode, caseProcessInstanceId) && !fireOneWaitingTimer(caseCode)) {
        throw new AssertionError("The case is stuck before its end: active "
            + engine.getRuntimeService().getActiveActivityIds(caseProcessInstanceId));
      }
    }
    throw new AssertionError("The case did not end in 200 steps");
  }

  private boolean completeOneTask(String caseCode, String caseProcessInstanceId) {
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode).initializeFormKeys().list()) {
      boolean ofCaseProcess = caseProcessInstanceId.equals(task.getProcessInstanceId());
      String form = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
      if (!ofCaseProcess && form != null && answers.containsKey(form)) {
        complete(task, answers.get(form).apply(task));
        return true;
      }
    }
    return false;
  }

  private boolean fireOneWaitingTimer(String caseCode) {
    Set<String> instances = new java.util.HashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseCode).list()
        .forEach(i -> instances.add(i.getId()));
    for (String instance : instances) {
      // a child's monitoring waits for a visit and the 18th birthday at once: the birthday first, so a driven case ends
      List<Job> timers = new java.util.ArrayList<>(engine.getManagementService().createJobQuery().processInstanceId(instance)
          .timers().list());
      timers.sort(java.util.Comparator.comparing(
          (Job job) -> !MonitoringProcess.Elements.EIGHTEENTH_BIRTHDAY.equals(activityOf(job))));
      for (Job job : timers) {
        var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        var element = engine.getRepositoryService().getBpmnModelInstance(job.getProcessDefinitionId())
            .getModelElementById(definition.getActivityId());
        if (element instanceof IntermediateCatchEvent) {
          fireTimer(job);
          return true;
        }
      }
    }
    return false;
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  /** Completes a task of a called process; a subclass may do it as a user, over HTTP. */
  protected void complete(Task task, Map<String, Object> answer) {
    engine.getTaskService().complete(task.getId(), answer);
  }

  /** Fires a waiting timer now; a subclass may do it as an operator, over HTTP. */
  protected void fireTimer(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }
}
