package md.nrs.referral.casepath;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_ASSESSMENT_NEEDED;
import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_BID_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.PLACEMENT_TYPE;
import static md.nrs.referral.casepath.NrsCaseProcess.RETURN_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.CASE_CODE;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.CLOSURE_REASON;
import static md.nrs.referral.casepath.NrsCaseProcess.COUNTRY;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.MONITORING_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.PATHWAY;
import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.REINTEGRATION_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.casepath.NrsCaseProcess.SHELTER_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.URGENCY;
import static md.nrs.referral.casepath.NrsCaseProcess.WITHDRAWAL_REASON;
import static md.nrs.referral.monitoring.MonitoringProcess.NEW_RISK;
import static md.nrs.referral.monitoring.MonitoringProcess.NEW_RISK_NOTE;
import static md.nrs.referral.monitoring.MonitoringProcess.SITUATION;
import static md.nrs.referral.monitoring.MonitoringProcess.VISITED_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.childprotection.AssessAgeForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import md.nrs.referral.shelter.ShelterPlacementProcess;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.testing.CaseAutopilot;
import md.nrs.referral.testing.CaseProcessTest;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CaseProcessTest
class NrsCaseProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired OutboxRepository outbox;

  @BeforeEach
  void bindAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aReferralGetsACaseCodeAsBusinessKeyAndIsTriaged() {
    ProcessInstance referral = refer(adultInMoldova());

    String code = referral.getBusinessKey();
    assertThat(code).matches(CaseCodes.FORMAT);
    assertThat(referral).isWaitingAt(Elements.IDENTIFICATION).hasNotPassed(Elements.ALERT_GUARDIANSHIP)
        .variables().containsEntry(CASE_CODE.name(), code).containsEntry(URGENCY.name(), "standard")
        .containsEntry(PATHWAY.name(), "adult").containsEntry(RESPONSIBLE_TEAM.name(), "mdt-chisinau");
    assertThat(task(referral)).hasCandidateGroup("mdt-chisinau");
  }

  @Test
  void aChildIsReportedToTheGuardianshipAuthorityAtOnce() {
    Map<String, Object> child = adultInMoldova();
    child.put(MINOR.name(), true);
    child.put(AGE_BAND.name(), "7-17");

    ProcessInstance referral = refer(child);

    assertThat(referral).hasPassed(Elements.ALERT_GUARDIANSHIP).isWaitingAt(Elements.IDENTIFICATION)
        .variables().containsEntry(URGENCY.name(), "immediate").containsEntry(PATHWAY.name(), "child");
    assertThat(outbox.findByCaseCodeOrderByIdAsc(referral.getBusinessKey()))
        .extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("guardianship-chisinau", Elements.ALERT_GUARDIANSHIP));
  }

  @Test
  void aReferralFromAbroadGoesToIomAndOneFromTransnistriaToInteraction() {
    Map<String, Object> abroad = adultInMoldova();
    abroad.put(LOCATION.name(), "abroad");
    abroad.put(COUNTRY.name(), "Russian Federation");
    Map<String, Object> transnistria = adultInMoldova();
    transnistria.put(LOCATION.name(), "transnistria");

    assertThat(task(refer(abroad))).hasCandidateGroup("iom");
    assertThat(task(refer(transnistria))).hasCandidateGroup("interaction");
  }

  @Test
  void aDomesticViolenceReferralFollowsItsOwnPathwayInsteadOfTheTraffickingPath() {
    ProcessInstance referral = refer(FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "domestic-violence", "18+", false, "female", false, "Violence at home")));

    assertThat(referral).isWaitingAt(Elements.DV_PATHWAY).hasNotPassed(Elements.IDENTIFICATION)
        .variables().containsEntry(PATHWAY.name(), md.nrs.referral.dvpathway.DvPathwayProcess.PATHWAY);
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(referral.getId()).singleResult();
    assertThat(pathway.getProcessDefinitionId()).startsWith(md.nrs.referral.dvpathway.DvPathwayProcess.KEY + ":");
    assertThat(pathway.getBusinessKey()).isEqualTo(referral.getBusinessKey());

    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId())
        .singleResult().getId(), InformedConsent.refused("Wants to stay with relatives for now").submission());
    assertThat(referral).isEnded().hasPassed(Elements.DV_PATHWAY_FOLLOWED);
  }

  @Test
  void aStartFormWithoutTheCountryOfAPersonAbroadStartsNothing() {
    Map<String, Object> abroad = adultInMoldova();
    abroad.put(LOCATION.name(), "abroad");
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count();

    assertThatThrownBy(() -> refer(abroad)).satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("country: is required when the person is abroad");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void aRefusalOfAssistanceEndsTheCaseWithItsReason() {
    ProcessInstance referral = refer(adultInMoldova());
    identify(referral);

    ProcessInstance plan = safetyPlan(referral);

    complete(referral, InformedConsent.refused("Wants to go back to her family first").submission());

    assertThat(referral).isEnded().hasPassed(Elements.ASSISTANCE_REFUSED);
    assertThat(plan).as("the case's safety plan ends with the case").isEnded();
  }

  @Test
  void everyCaseGetsItsRiskAssessmentFromReferralOnBesideTheIdentificationInterview() {
    ProcessInstance referral = refer(adultInMoldova());

    assertThat(referral).isWaitingAt(Elements.IDENTIFICATION, Elements.SAFETY_PLAN);
    ProcessInstance plan = safetyPlan(referral);
    assertThat(plan.getBusinessKey()).isEqualTo(referral.getBusinessKey());
    assertThat(plan).isWaitingAt(SafetyPlanProcess.Elements.ASSESS_RISKS).variables()
        .containsEntry(SafetyPlanProcess.RESPONSIBLE_TEAM.name(), "mdt-chisinau")
        .containsEntry(SafetyPlanProcess.URGENCY.name(), "standard");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.getId()).singleResult())
        .hasCandidateGroup("mdt-chisinau");
  }

  @Test
  void everyPersonTheInterviewReachedGetsAThirtyDayReflectionPeriodThatEndsInTheModel() {
    ProcessInstance referral = refer(adultInMoldova());
    LocalDate today = LocalDate.ofInstant(PlatformClock.now(), PlatformClock.zone());

    identify(referral);

    assertThat(referral).hasPassed(Elements.START_REFLECTION_PERIOD).isWaitingAt(Elements.CONSENT, Elements.REFLECTION_PERIOD_ENDS)
        .variables().containsEntry(NrsCaseProcess.REFLECTION_PERIOD_STARTS_ON.name(), today.toString())
        .containsEntry(NrsCaseProcess.REFLECTION_PERIOD_ENDS_ON.name(), today.plusDays(30).toString())
        .containsEntry(NrsCaseProcess.REFLECTION_PERIOD_OVER.name(), false);
    Job periodEnds = engine.getManagementService().createJobQuery().processInstanceId(referral.getId())
        .activityId(Elements.REFLECTION_PERIOD_ENDS).singleResult();
    assertThat(Duration.between(PlatformClock.now(), periodEnds.getDuedate().toInstant()))
        .as("30 days (sla-durations.dmn rule 'Rule_SlaReflectionPeriod')")
        .isLessThanOrEqualTo(Duration.ofDays(30)).isGreaterThan(Duration.ofDays(30).minusMinutes(5));

    engine.getManagementService().executeJob(periodEnds.getId());

    assertThat(referral).hasPassed(Elements.REFLECTION_PERIOD_ENDED).isWaitingAt(Elements.CONSENT)
        .variables().containsEntry(NrsCaseProcess.REFLECTION_PERIOD_OVER.name(), true);
  }

  @Test
  void anAdultInImmediateDangerGetsAShelterPlaceAndUrgentMedicalCareAtOnceBesideIdentification() {
    ProcessInstance referral = refer(inImmediateDanger());
    Task consent = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(Elements.EMERGENCY_CONSENT).singleResult();
    assertThat(referral).isWaitingAt(Elements.IDENTIFICATION, Elements.EMERGENCY_CONSENT);
    assertThat(consent).hasCandidateGroup("mdt-chisinau");
    assertThat(Duration.between(PlatformClock.now(), consent.getDueDate().toInstant()))
        .as("1 hour around the clock (sla-durations.dmn rule 'Rule_SlaEmergencyConsent')").isLessThanOrEqualTo(Duration.ofHours(1));

    engine.getTaskService().complete(consent.getId(), emergencyConsent("given", true, true));

    assertThat(referral).isWaitingAt(Elements.IDENTIFICATION, Elements.EMERGENCY_SHELTER, Elements.URGENT_MEDICAL_CARE)
        .hasNotPassed(Elements.CONSENT, Elements.NEEDS_ASSESSMENT).variables()
        .containsEntry(NrsCaseProcess.CONSENT_RECORDED_BY.name(), "Ana, MDT social worker")
        .containsEntry(NrsCaseProcess.EMERGENCY_STAY_RUNNING.name(), true);
    assertThat(calledInstance(referral, ShelterPlacementProcess.KEY).getBusinessKey()).isEqualTo(referral.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariable(calledInstance(referral, AssistanceServiceProcess.KEY).getId(),
        AssistanceServiceProcess.SERVICE_TYPE.name())).isEqualTo("medical");
  }

  @Test
  void emergencyAssistanceRefusedOrNotNeededEndsOnlyTheFastTrack() {
    ProcessInstance refused = refer(inImmediateDanger());
    ProcessInstance neither = refer(inImmediateDanger());

    complete(refused, Elements.EMERGENCY_CONSENT, emergencyConsent("refused", false, false));
    complete(neither, Elements.EMERGENCY_CONSENT, emergencyConsent("given", false, false));

    assertThat(refused).hasPassed(Elements.EMERGENCY_REFUSED).isWaitingAt(Elements.IDENTIFICATION)
        .hasNotPassed(Elements.EMERGENCY_SHELTER);
    assertThat(neither).hasPassed(Elements.EMERGENCY_ASSISTANCE_GIVEN).isWaitingAt(Elements.IDENTIFICATION)
        .hasNotPassed(Elements.EMERGENCY_SHELTER, Elements.URGENT_MEDICAL_CARE);
    assertThat(refer(adultInMoldova())).hasPassed(Elements.NO_EMERGENCY).hasNotPassed(Elements.EMERGENCY_CONSENT);
  }

  @Test
  void anAdultTheInterviewFindsInDangerGetsTheFastTrackThenAShelterPlaceAndUrgentMedicalCareBesideTheConsent() {
    ProcessInstance referral = refer(adultInMoldova());
    assertThat(referral).hasPassed(Elements.NO_EMERGENCY).hasNotPassed(Elements.EMERGENCY_CONSENT);

    identifyFinding(referral, true, false);

    assertThat(referral).hasPassed(Elements.AFTER_IDENTIFICATION, Elements.JOIN_EMERGENCY_CONSENT)
        .isWaitingAt(Elements.CONSENT, Elements.EMERGENCY_CONSENT, Elements.REFLECTION_PERIOD_ENDS, Elements.SAFETY_PLAN);
    Task consent = emergencyConsentTasks(referral).get(0);
    assertThat(consent).hasCandidateGroup("mdt-chisinau");

    engine.getTaskService().complete(consent.getId(), emergencyConsent("given", true, true));

    assertThat(referral).isWaitingAt(Elements.CONSENT, Elements.EMERGENCY_SHELTER, Elements.URGENT_MEDICAL_CARE)
        .hasNotPassed(Elements.NEEDS_ASSESSMENT);
    assertThat(calledInstance(referral, ShelterPlacementProcess.KEY).getBusinessKey()).isEqualTo(referral.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariable(calledInstance(referral, AssistanceServiceProcess.KEY).getId(),
        AssistanceServiceProcess.SERVICE_TYPE.name())).isEqualTo("medical");
  }

  @Test
  void anUrgentMedicalNeedFoundAtTheInterviewAlsoStartsTheFastTrack() {
    ProcessInstance referral = refer(adultInMoldova());

    identifyFinding(referral, false, true);

    assertThat(referral).hasPassed(Elements.JOIN_EMERGENCY_CONSENT).isWaitingAt(Elements.CONSENT, Elements.EMERGENCY_CONSENT);
  }

  @Test
  void whenTriageFastTrackedTheCaseTheInterviewsDangerStartsNoSecondConsentTask() {
    ProcessInstance stillOpen = refer(inImmediateDanger());
    ProcessInstance alreadyGiven = refer(inImmediateDanger());
    complete(alreadyGiven, Elements.EMERGENCY_CONSENT, emergencyConsent("given", true, false));

    identifyFinding(stillOpen, true, true);
    identifyFinding(alreadyGiven, true, true);

    assertThat(stillOpen).hasPassed(Elements.NO_EMERGENCY_FROM_INTERVIEW).isWaitingAt(Elements.EMERGENCY_CONSENT);
    assertThat(emergencyConsentTasks(stillOpen)).as("the one triage opened").hasSize(1);
    assertThat(alreadyGiven).hasPassed(Elements.NO_EMERGENCY_FROM_INTERVIEW).isWaitingAt(Elements.EMERGENCY_SHELTER)
        .isNotWaitingAt(Elements.EMERGENCY_CONSENT);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(alreadyGiven.getId())
        .taskDefinitionKey(Elements.EMERGENCY_CONSENT).count()).as("one consent asked, ever").isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(alreadyGiven.getId())
        .processDefinitionKey(ShelterPlacementProcess.KEY).count()).as("one placement, not two").isEqualTo(1);
  }

  @Test
  void anInterviewThatFindsNoDangerStartsNoFastTrack() {
    ProcessInstance referral = refer(adultInMoldova());

    identifyFinding(referral, false, false);

    assertThat(referral).hasPassed(Elements.NO_EMERGENCY_FROM_INTERVIEW).isWaitingAt(Elements.CONSENT)
        .hasNotPassed(Elements.JOIN_EMERGENCY_CONSENT, Elements.EMERGENCY_CONSENT);
    assertThat(emergencyConsentTasks(referral)).isEmpty();
  }

  @Test
  void aChildTheInterviewFindsInDangerFollowsTheChildSafeguardsNotTheFastTrack() {
    ProcessInstance referral = refer(FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "trafficking", "7-17", true, "female", false, "Found begging at the station")));

    identifyFinding(referral, true, true);

    assertThat(referral).hasPassed(Elements.NO_EMERGENCY_FROM_INTERVIEW).hasNotPassed(Elements.EMERGENCY_CONSENT);
    assertThat(emergencyConsentTasks(referral)).isEmpty();
  }

  @Test
  void aVerbalConsentWithoutWhoRecordedItIsRefusedAndNothingStarts() {
    ProcessInstance referral = refer(inImmediateDanger());
    Map<String, Object> anonymous = new HashMap<>(emergencyConsent("given", true, false));
    anonymous.put(NrsCaseProcess.CONSENT_RECORDED_BY.name(), " ");

    assertThatThrownBy(() -> complete(referral, Elements.EMERGENCY_CONSENT, anonymous))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("consentRecordedBy");
    assertThat(referral).isWaitingAt(Elements.EMERGENCY_CONSENT).hasNotPassed(Elements.EMERGENCY_SHELTER);
  }

  @Test
  void theAssistancePlanContinuesTheEmergencyStayInsteadOfPlacingThePersonAgain() {
    ProcessInstance referral = refer(inImmediateDanger());
    complete(referral, Elements.EMERGENCY_CONSENT, emergencyConsent("given", true, false));
    identify(referral);
    complete(referral, InformedConsent.given("la-strada", "cap-chisinau").submission());
    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("legal"), true,
        "Stays in the shelter; legal assistance")));

    completeAs(referral, "approver", FormSubmission.of(new ApproveAssistancePlanForm("approve", null)));

    assertThat(referral).hasNotPassed(Elements.SHELTER).isWaitingAt(Elements.EMERGENCY_SHELTER, Elements.SERVICES);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(referral.getId())
        .processDefinitionKey(ShelterPlacementProcess.KEY).count()).as("one placement, not two").isEqualTo(1);
  }

  @Test
  void aSafetyPlanEndedAtAReviewLeavesTheCaseGoingOn() {
    ProcessInstance referral = refer(adultInMoldova());
    ProcessInstance plan = safetyPlan(referral);
    Map<String, Object> noRisk = new HashMap<>();
    for (var risk : List.of(SafetyPlanProcess.RISK_TRAFFICKER_CONTACT, SafetyPlanProcess.RISK_FAMILY,
        SafetyPlanProcess.RISK_DEBT, SafetyPlanProcess.RISK_HEALTH, SafetyPlanProcess.RISK_SELF_HARM,
        SafetyPlanProcess.RISK_MEDIA)) {
      noRisk.put(risk.name(), false);
    }
    completeCalled(referral, SafetyPlanProcess.Elements.ASSESS_RISKS, noRisk);

    completeCalled(referral, SafetyPlanProcess.Elements.MAKE_PLAN, Map.of(
        SafetyPlanProcess.SAFETY_MEASURES.name(), List.of("psychological-support"),
        SafetyPlanProcess.MEASURES_BY.name(), "mdt-chisinau", SafetyPlanProcess.MEASURES_DUE_BY.name(),
        chisinauToday().toString(), SafetyPlanProcess.REVIEW_ON.name(), chisinauToday().toString(),
        SafetyPlanProcess.PLAN_STATUS.name(), "ended"));

    assertThat(plan).isEnded();
    assertThat(referral).hasPassed(Elements.SAFETY_PLAN_ENDED).isWaitingAt(Elements.IDENTIFICATION);
  }

  @Test
  void consentWithoutHavingInformedThePersonIsRefused() {
    ProcessInstance referral = refer(adultInMoldova());
    identify(referral);

    assertThatThrownBy(() -> complete(referral, InformedConsent.given().withoutInformingThePerson().submission()))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class)).hasMessageContaining("informationGiven");
    assertThat(referral).isWaitingAt(Elements.CONSENT);
  }

  @Test
  void aPlanReturnedByTheCoordinatorGoesBackToTheCaseTeam() {
    ProcessInstance referral = toPlanApproval();

    completeAs(referral, "coordinator", FormSubmission.of(new ApproveAssistancePlanForm("return", "Add medical care")));

    assertThat(referral).isWaitingAt(Elements.NEEDS_ASSESSMENT);
  }

  @Test
  void theAuthorOfAPlanCannotApproveIt() {
    ProcessInstance referral = toPlanApproval();

    assertThatThrownBy(() -> completeAs(referral, "author", Map.of(PLAN_DECISION.name(), "approve")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("must be approved by someone other than its author");
    assertThat(referral).isWaitingAt(Elements.APPROVE_PLAN);
  }

  @Test
  void withdrawingConsentStopsEverythingAndTellsTheAgencies() {
    Map<String, Object> child = adultInMoldova();
    child.put(MINOR.name(), true);
    child.put(AGE_BAND.name(), "7-17");
    ProcessInstance referral = refer(child);
    identify(referral);

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceBusinessKey(referral.getBusinessKey()).setVariable(WITHDRAWAL_REASON.name(), "Asked to stop")
        .correlate();

    assertThat(referral).isEnded().hasPassed(Elements.CASE_ENDED_CONSENT_WITHDRAWN);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(referral.getBusinessKey()))
        .filteredOn(e -> e.getStep().equals(Elements.TELL_AGENCIES_CONSENT_WITHDRAWN))
        .extracting(OutboxEntry::getAgencyId).containsExactlyInAnyOrder("guardianship-chisinau", "mdt-chisinau");
  }

  @Test
  void aSafetyIncidentOpensAnUrgentRiskReviewWhileTheCaseGoesOn() {
    ProcessInstance referral = refer(adultInMoldova());

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_SAFETY_INCIDENT)
        .processInstanceBusinessKey(referral.getBusinessKey()).correlate();

    assertThat(referral).isWaitingAt(Elements.IDENTIFICATION, Elements.URGENT_RISK_REVIEW);
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(Elements.URGENT_RISK_REVIEW).singleResult();
    assertThat(review).hasCandidateGroup("nrs-coordinators");
    engine.getTaskService().complete(review.getId(), FormSubmission.of(new UrgentRiskReviewForm("high", "Moved to a safe place")));
    assertThat(referral).hasPassed(Elements.RISK_REVIEWED).isWaitingAt(Elements.IDENTIFICATION);
  }

  @Test
  void anApprovedExitEndsTheCaseAndItsEscalationsAndTellsEachAgencyWithAnOpenStepOnce() {
    ProcessInstance referral = refer(adultInMoldova());
    String code = referral.getBusinessKey();
    ProcessInstance escalation = md.nrs.referral.casefile.PlatformStarts.withBusinessKey(code, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(md.nrs.referral.sla.SlaEscalationProcess.KEY, code,
            Map.of(md.nrs.referral.sla.SlaEscalationProcess.CASE_CODE.name(), code)));

    engine.getRuntimeService().createMessageCorrelation(NrsCaseProcess.MESSAGE_CASE_EXIT_APPROVED)
        .processInstanceId(referral.getId()).setVariable(NrsCaseProcess.EXIT_REASON.name(), "deceased")
        .setVariable(NrsCaseProcess.AGENCIES_WITH_OPEN_STEPS.name(), new java.util.ArrayList<>(List.of("mdt-chisinau")))
        .correlate();

    assertThat(referral).isEnded().hasPassed(Elements.END_CASE_ESCALATIONS, Elements.TELL_AGENCIES_CASE_ENDED,
        Elements.CASE_ENDED_BY_EXIT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(escalation).isEnded();
    assertThat(outbox.findByCaseCodeOrderByIdAsc(code))
        .filteredOn(e -> e.getStep().equals(Elements.TELL_AGENCIES_CASE_ENDED))
        .extracting(OutboxEntry::getAgencyId).containsExactly("mdt-chisinau");
  }

  @Test
  void aCaseInMoldovaGoesThroughServicesReintegrationAndMonitoringBackToAssessmentOnANewRiskAndOnToClosure() {
    java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();
    CaseAutopilot autopilot = new CaseAutopilot(engine).answer("record-follow-up-visit", task ->
        visits.incrementAndGet() == 1
            ? Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "worsening",
                NEW_RISK.name(), true,
                NEW_RISK_NOTE.name(), "The recruiter contacted her again")
            : Map.of(VISITED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), SITUATION.name(), "stable",
                NEW_RISK.name(), false));
    ProcessInstance referral = toPlanApproval(List.of("legal", "social"));
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    assertThat(referral).isWaitingAt(Elements.SERVICES);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("assistance-service")
        .processInstanceBusinessKey(referral.getBusinessKey()).count()).isEqualTo(2);

    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.NEEDS_ASSESSMENT);
    assertThat(referral).hasPassed(Elements.REINTEGRATION, Elements.MONITORING)
        .variables().containsEntry(MONITORING_OUTCOME.name(), "new-risk").containsEntry(REINTEGRATION_OUTCOME.name(), "completed");

    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(List.of(), false,
        "Safety plan after the recruiter's contact")));
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.PROPOSE_CLOSURE);

    completeAs(referral, "author", Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(referral, "coordinator", FormSubmission.of(new ApproveCaseClosureForm("continue-monitoring",
        "One more round of follow-ups")));
    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.PROPOSE_CLOSURE);
    completeAs(referral, "author", Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(referral, "coordinator", Map.of(CLOSURE_DECISION.name(), "approve"));

    assertThat(referral).isEnded().hasPassed(Elements.CASE_CLOSED);
  }

  @Test
  void anAdultAbroadIsRepatriatedShelteredAndAssistedThenTheCaseIsClosed() {
    CaseAutopilot autopilot = new CaseAutopilot(engine);
    Map<String, Object> abroad = adultInMoldova();
    abroad.put(LOCATION.name(), "abroad");
    abroad.put(COUNTRY.name(), "Russian Federation");
    abroad.put(CHANNEL.name(), "partner-abroad");
    ProcessInstance referral = refer(abroad);
    identify(referral);
    complete(referral, InformedConsent.given("iom", "cap-chisinau").informingLawEnforcement().submission());
    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("legal", "medical", "psychological"),
        true, "Return, shelter at CAP, legal, medical and psychological assistance")));
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    assertThat(referral).isWaitingAt(Elements.REPATRIATION);

    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.SHELTER);
    assertThat(referral).hasPassed(Elements.REPATRIATION).isWaitingAt(Elements.SHELTER, Elements.SERVICES)
        .variables().containsEntry(REPATRIATION_OUTCOME.name(), "returned");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("assistance-service")
        .processInstanceBusinessKey(referral.getBusinessKey()).count()).isEqualTo(3);

    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.PROPOSE_CLOSURE);
    assertThat(referral).hasPassed(Elements.SHELTER, Elements.SERVICES, Elements.REINTEGRATION, Elements.MONITORING)
        .variables().containsEntry(SHELTER_OUTCOME.name(), "discharged").containsEntry(MONITORING_OUTCOME.name(), "completed");
    completeAs(referral, "author", Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(referral, "coordinator", Map.of(CLOSURE_DECISION.name(), "approve"));

    assertThat(referral).isEnded().hasPassed(Elements.CASE_CLOSED);
  }

  // --- a child's case (issue 17)

  @Test
  void aPersonOfUnknownAgeWithTheChildBoxUntickedIsPresumedAChildWithEveryChildSafeguard() {
    Map<String, Object> unknownAge = adultInMoldova();
    unknownAge.put(AGE_BAND.name(), "unknown");

    ProcessInstance referral = refer(unknownAge);

    assertThat(referral).hasPassed(Elements.PRESUME_MINORITY, Elements.ALERT_GUARDIANSHIP)
        .isWaitingAt(Elements.CHILD_PROTECTION, Elements.IDENTIFICATION)
        .variables().containsEntry(MINOR.name(), true).containsEntry(AGE_ASSESSMENT_NEEDED.name(), true)
        .containsEntry(URGENCY.name(), "immediate").containsEntry(PATHWAY.name(), "child");
    assertThat(outbox.findByCaseCodeOrderByIdAsc(referral.getBusinessKey())).extracting(OutboxEntry::getAgencyId)
        .contains("guardianship-chisinau");
    Task interview = task(referral);
    assertThat(Duration.between(interview.getCreateTime().toInstant(), interview.getDueDate().toInstant()))
        .as("the child's first assessment runs around the clock").isEqualTo(Duration.ofHours(3));
    Task assessment = calledTask(referral, ChildProtectionProcess.Elements.ASSESS_SITUATION);
    assertThat(assessment).hasCandidateGroup("guardianship-chisinau");
    assertThat(Duration.between(assessment.getCreateTime().toInstant(), assessment.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aDisputedAgeIsPresumedAChildEvenWhenTheAgeBandSaysAdult() {
    Map<String, Object> disputed = FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "trafficking", "18+", false, "female", false, "Documents look forged", true));

    ProcessInstance referral = refer(disputed);

    assertThat(referral).isWaitingAt(Elements.CHILD_PROTECTION).variables().containsEntry(MINOR.name(), true)
        .containsEntry(AGE_ASSESSMENT_NEEDED.name(), true);
  }

  @Test
  void consentWaitsForTheChildsRepresentativeAndAPersonFoundAdultByTheAgeAssessmentGoesOnAsAnAdult() {
    Map<String, Object> unknownAge = adultInMoldova();
    unknownAge.put(AGE_BAND.name(), "unknown");
    ProcessInstance referral = refer(unknownAge);
    identify(referral);
    assertThat(referral).isWaitingAt(Elements.CHILD_PROTECTION).isNotWaitingAt(Elements.CONSENT);

    completeCalled(referral, ChildProtectionProcess.Elements.ASSESS_SITUATION,
        FormSubmission.of(new AssessChildSituationForm("unaccompanied", "low", false, null)));
    completeCalled(referral, ChildProtectionProcess.Elements.ASSESS_AGE, FormSubmission.of(new AssessAgeForm(
        ChildProtectionProcess.FOUND_ADULT, "forensic-medical-examiner", LocalDate.now(PlatformClock.zone()))));

    assertThat(referral).hasPassed(Elements.TRIAGE_AS_ADULT).isWaitingAt(Elements.CONSENT)
        .variables().containsEntry(MINOR.name(), false).containsEntry(PATHWAY.name(), "adult")
        .containsEntry(NrsCaseProcess.GUARDIANSHIP_ALERT.name(), false);
    complete(referral, InformedConsent.given("la-strada").submission());
    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("legal"), false, "Legal assistance")));
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    assertThat(referral).hasNotPassed(Elements.BEST_INTERESTS_BEFORE_RETURN).isWaitingAt(Elements.SERVICES);
  }

  @Test
  void aChildAbroadIsNotReturnedUntilTheGuardianshipAuthorityAgreesItIsInTheChildsBestInterests() {
    CaseAutopilot autopilot = new CaseAutopilot(engine);
    Map<String, Object> childAbroad = childInMoldova();
    childAbroad.put(LOCATION.name(), "abroad");
    childAbroad.put(COUNTRY.name(), "Russian Federation");
    ProcessInstance referral = toChildsPlanApproval(childAbroad, autopilot);

    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));

    assertThat(referral).isWaitingAt(Elements.BEST_INTERESTS_BEFORE_RETURN).hasNotPassed(Elements.REPATRIATION);
    Task determination = calledTask(referral, BestInterestsProcess.Elements.DETERMINE);
    assertThat(determination).hasCandidateGroup("guardianship-chisinau");
    completeCalled(referral, BestInterestsProcess.Elements.DETERMINE, FormSubmission.of(new DetermineBestInterestsForm(
        "traced-safe", "heard-agrees", "iom-staff", BestInterestsProcess.AGREE, null, null)));
    assertThat(referral).isWaitingAt(Elements.REPATRIATION).hasNotPassed(Elements.ARRANGE_ALTERNATIVE_PLACEMENT)
        .variables().containsEntry(RETURN_DECISION.name(), BestInterestsProcess.AGREE);
  }

  @Test
  void aRefusedReturnLeadsToAPlacementInMoldovaArrangedByTheGuardianshipAuthority() {
    CaseAutopilot autopilot = new CaseAutopilot(engine);
    ProcessInstance referral = toChildsPlanApproval(childInMoldova(), autopilot);
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));

    completeCalled(referral, BestInterestsProcess.Elements.DETERMINE, FormSubmission.of(new DetermineBestInterestsForm(
        "traced-not-safe", "heard-disagrees", "not-applicable", BestInterestsProcess.REFUSE, null,
        "The family took part in the recruitment")));

    assertThat(referral).isWaitingAt(Elements.ARRANGE_ALTERNATIVE_PLACEMENT);
    Task placement = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(Elements.ARRANGE_ALTERNATIVE_PLACEMENT).singleResult();
    assertThat(placement).hasCandidateGroup("guardianship-chisinau");
    engine.getTaskService().complete(placement.getId(), FormSubmission.of(new ArrangeAlternativePlacementForm("foster", null)));
    assertThat(referral).hasPassed(Elements.ARRANGE_ALTERNATIVE_PLACEMENT).isWaitingAt(Elements.SERVICES)
        .variables().containsEntry(PLACEMENT_TYPE.name(), "foster");
  }

  @Test
  void aChildsCaseIsClosedOnlyWithTheGuardianshipAuthoritysAgreementAndARefusalKeepsMonitoring() {
    java.util.concurrent.atomic.AtomicInteger determinations = new java.util.concurrent.atomic.AtomicInteger();
    CaseAutopilot autopilot = new CaseAutopilot(engine).answer(BestInterestsProcess.FORM_DETERMINE, task ->
        FormSubmission.of(determinations.incrementAndGet() == 2
            ? new DetermineBestInterestsForm("not-applicable", "heard-disagrees", null, BestInterestsProcess.REFUSE, null,
                "Not yet back at school")
            : new DetermineBestInterestsForm("traced-safe", "heard-agrees", null, BestInterestsProcess.AGREE, null, null)));
    ProcessInstance referral = toChildsPlanApproval(childInMoldova(), autopilot);
    completeAs(referral, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));
    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.PROPOSE_CLOSURE);
    completeAs(referral, "author", Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(referral, "coordinator", Map.of(CLOSURE_DECISION.name(), "approve"));

    assertThat(referral).isWaitingAt(Elements.BEST_INTERESTS_BEFORE_CLOSURE).isNotEnded();
    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.PROPOSE_CLOSURE);
    assertThat(referral).variables().containsEntry(CLOSURE_BID_DECISION.name(), BestInterestsProcess.REFUSE);
    completeAs(referral, "author", Map.of(CLOSURE_REASON.name(), "goals-achieved"));
    completeAs(referral, "coordinator", Map.of(CLOSURE_DECISION.name(), "approve"));
    assertThat(referral).isWaitingAt(Elements.BEST_INTERESTS_BEFORE_CLOSURE);
    completeCalled(referral, BestInterestsProcess.Elements.DETERMINE, FormSubmission.of(new DetermineBestInterestsForm(
        "not-applicable", "heard-agrees", null, BestInterestsProcess.AGREE, null, null)));

    assertThat(referral).isEnded().hasPassed(Elements.CASE_CLOSED);
  }

  static Map<String, Object> childInMoldova() {
    return FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "trafficking", "7-17", true, "female", false, "Found begging at the market"));
  }

  /** A child's case up to the coordinator's approval of the plan: the guardianship authority's first steps done by the autopilot. */
  private ProcessInstance toChildsPlanApproval(Map<String, Object> child, CaseAutopilot autopilot) {
    ProcessInstance referral = refer(child);
    identify(referral);
    autopilot.driveUntil(referral.getBusinessKey(), referral.getId(), Elements.CONSENT);
    assertThat(referral).hasPassed(Elements.CHILD_PROTECTION).variables().containsEntry(MINOR.name(), true)
        .containsEntry(NrsCaseProcess.REPRESENTATIVE_ROLE.name(), "parent");
    complete(referral, InformedConsent.given("la-strada", "cap-chisinau").forAChild("legal-representative", "heard-agrees").submission());
    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false,
        "Psychological support and school")));
    return referral;
  }

  /** The day in Chisinau, as the plan's "not in the past" checks count it (UTC is a day behind from 22:00). */
  private static LocalDate chisinauToday() {
    return LocalDate.ofInstant(PlatformClock.now(), PlatformClock.zone());
  }

  private static Map<String, Object> inImmediateDanger() {
    return FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "trafficking", "18+", false, "female", true, "Locked in a flat, injured", null));
  }

  private static Map<String, Object> emergencyConsent(String answer, boolean shelter, boolean medical) {
    return FormSubmission.of(new EmergencyAssistanceConsentForm(answer, shelter, medical, "Ana, MDT social worker"));
  }

  /** The one running instance of this process the case called. */
  private ProcessInstance calledInstance(ProcessInstance referral, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(referral.getId())
        .processDefinitionKey(processKey).singleResult();
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> form) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult().getId(), form);
  }

  /** The safety plan the case started beside identification. */
  private ProcessInstance safetyPlan(ProcessInstance referral) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(referral.getId())
        .processDefinitionKey(SafetyPlanProcess.KEY).singleResult();
  }

  /** The open task of a process the case called (child protection, a best-interests determination). */
  private Task calledTask(ProcessInstance referral, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referral.getBusinessKey())
        .taskDefinitionKey(taskKey).singleResult();
  }

  private void completeCalled(ProcessInstance referral, String taskKey, Map<String, Object> form) {
    engine.getTaskService().complete(calledTask(referral, taskKey).getId(), form);
  }

  // --- the path

  static Map<String, Object> adultInMoldova() {
    return FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null,
        "trafficking", "18+", false, "female", false, "Returned from labour exploitation"));
  }

  private ProcessInstance refer(Map<String, Object> form) {
    return engine.getFormService().submitStartForm(
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(NrsCaseProcess.KEY)
            .latestVersion().singleResult().getId(), form);
  }

  private void identify(ProcessInstance referral) {
    complete(referral, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
  }

  /** The interview, with what it found about immediate danger and urgent medical need. */
  private void identifyFinding(ProcessInstance referral, boolean danger, boolean urgentMedicalNeed) {
    complete(referral, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("violence-or-threats"),
        List.of("sexual"), "presumed-victim", null, null, null, null, null, danger, urgentMedicalNeed)));
  }

  private List<Task> emergencyConsentTasks(ProcessInstance referral) {
    return engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(Elements.EMERGENCY_CONSENT).list();
  }

  private ProcessInstance toPlanApproval() {
    return toPlanApproval(List.of("legal"));
  }

  private ProcessInstance toPlanApproval(List<String> services) {
    ProcessInstance referral = refer(adultInMoldova());
    identify(referral);
    complete(referral, InformedConsent.given("la-strada", "community-social-workers").submission());
    completeAs(referral, "author", FormSubmission.of(new NeedsAssessmentForm(services, false,
        "Legal assistance for the labour claim")));
    assertThat(referral).isWaitingAt(Elements.APPROVE_PLAN);
    return referral;
  }

  /** The one open task of the case process itself (called processes have their own). */
  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKeyIn(Elements.IDENTIFICATION, Elements.CONSENT, Elements.NEEDS_ASSESSMENT, Elements.APPROVE_PLAN,
            Elements.PROPOSE_CLOSURE, Elements.APPROVE_CLOSURE, Elements.ARRANGE_ALTERNATIVE_PLACEMENT).singleResult();
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
