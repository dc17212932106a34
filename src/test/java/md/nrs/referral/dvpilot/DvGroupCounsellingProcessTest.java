package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.ACTION_TAKEN;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CASE_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CHECK_IN_AFTER;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CONSECUTIVE_ABSENCES;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.COUNSELLING_OUTCOME;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.ELIGIBLE_FOR_GROUP;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_ID;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_KIND;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_OF_THEIR_KIND;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.HIGH_RISK;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.HOLDS_PLACE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.LEFT_PROGRAMME;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.NRS_CASE_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.PARTICIPANT_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.PARTICIPANT_KIND;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.REACHED;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.REFERRAL_SOURCE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.REFERRED_TO;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SAFETY_CONCERN;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SCREENING_REASON;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSIONS;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSIONS_ATTENDED;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSION_INTERVAL;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.TOTAL_ABSENCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import md.nrs.referral.dvpilot.DvGroupCounsellingProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class DvGroupCounsellingProcessTest extends CalledProcessTestSupport {

  private static final AtomicInteger GROUPS = new AtomicInteger();
  private static final Map<String, Object> ATTENDED = Map.of(DvGroupCounsellingProcess.ATTENDED.name(), true,
      LEFT_PROGRAMME.name(), false);
  private static final Map<String, Object> ABSENT = Map.of(DvGroupCounsellingProcess.ATTENDED.name(), false,
      LEFT_PROGRAMME.name(), false);

  @Autowired DvGroups groups;

  private Instant now;
  /** The first session day of this test's groups: tomorrow in Chisinau. */
  private LocalDate groupStart;
  private String victimsGroup;
  private String perpetratorsGroup;

  @BeforeEach
  void holdTheClockAndOpenTwoGroups() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
    groupStart = LocalDate.ofInstant(now, PlatformClock.zone()).plusDays(1);
    victimsGroup = group(DvGroup.KIND_VICTIM, 12, "womens-initiative");
    perpetratorsGroup = group(DvGroup.KIND_PERPETRATOR, 12, "cap-chisinau");
  }

  @AfterEach
  void releaseTheClock() {
    ClockUtil.reset();
  }

  @Test
  void deploysWithItsDecisionTables() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DvGroupCounsellingProcess.KEY).latestVersion().singleResult()).isNotNull();
    for (String decision : new String[] {DvGroupCounsellingProcess.GROUP_KIND_DECISION, DvGroupCounsellingProcess.SCREENING_DECISION,
        DvGroupCounsellingProcess.CYCLE_DECISION, DvGroupCounsellingProcess.DROP_OUT_DECISION}) {
      assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(decision)
          .latestVersion().singleResult()).as(decision).isNotNull();
    }
  }

  @Test
  void theKindTableLetsEachKindIntoItsOwnGroupsOnly() {
    assertThat(groupOfTheirKind("victim", "victim")).isTrue();
    assertThat(groupOfTheirKind("perpetrator", "perpetrator")).isTrue();
    assertThat(groupOfTheirKind("perpetrator", "victim")).isFalse();
    assertThat(groupOfTheirKind("victim", "perpetrator")).isFalse();
    assertThat(groupOfTheirKind("victim", null)).as("a group missing from the directory").isFalse();
  }

  @Test
  void theCycleIsTwelveWeeklySessionsWithACheckInThreeMonthsLaterForBothKinds() {
    for (String kind : new String[] {"victim", "perpetrator"}) {
      Map<String, Object> cycle = engine.getDecisionService().evaluateDecisionTableByKey(
          DvGroupCounsellingProcess.CYCLE_DECISION, Map.of(DvGroupCounsellingProcess.PARTICIPANT_KIND.name(), kind)).getSingleResult().getEntryMap();
      assertThat(cycle).as(kind).containsEntry(SESSIONS.name(), 12).containsEntry(SESSION_INTERVAL.name(), "P7D")
          .containsEntry(CHECK_IN_AFTER.name(), "P3M");
    }
  }

  @Test
  void aVictimEnrolledIntoAVictimsGroupGetsAPilotCodeAndIsScreenedByTheGroupsCounsellors() {
    ProcessInstance enrolment = enrol("victim", victimsGroup, null);

    assertThat(enrolment).isWaitingAt(Elements.RISK_SCREENING).hasPassed(Elements.GROUP_KIND_RULE);
    assertThat(task(enrolment)).hasCandidateGroup("womens-initiative");
    String code = (String) engine.getRuntimeService().getVariable(enrolment.getId(), PARTICIPANT_CODE.name());
    assertThat(code).matches(ParticipantCodes.FORMAT);
    assertThat(engine.getRuntimeService().getVariable(enrolment.getId(), CASE_CODE.name())).isEqualTo(code);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(enrolment.getId()).singleResult()
        .getBusinessKey()).isEqualTo(code);
    assertThat(groups.placesTaken(victimsGroup)).isEqualTo(1);
  }

  @Test
  void aParticipantWhoIsAnNrsCaseKeepsTheCaseCode() {
    ProcessInstance enrolment = enrol("victim", victimsGroup, caseCode);

    assertThat(enrolment).variables().containsEntry(PARTICIPANT_CODE.name(), caseCode).containsEntry(CASE_CODE.name(), caseCode);
  }

  @Test
  void aPerpetratorEnrolledIntoAVictimsGroupIsRefusedNamingTheGroupAndNothingStarts() {
    assertThatThrownBy(() -> enrol("perpetrator", victimsGroup, null))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("groupId: is a victims' group: a perpetrator is enrolled only into a perpetrators' group");
    assertThat(instancesIn(victimsGroup)).isZero();
  }

  @Test
  void aVictimEnrolledIntoAPerpetratorsGroupIsRefusedToo() {
    assertThatThrownBy(() -> enrol("victim", perpetratorsGroup, null))
        .isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("groupId: is a perpetrators' group: a victim is enrolled only into a victims' group");
    assertThat(instancesIn(perpetratorsGroup)).isZero();
  }

  @Test
  void anUnknownGroupAFullGroupAndAMissingKindAreRefused() {
    String small = group(DvGroup.KIND_VICTIM, 1, "womens-initiative");
    ProcessInstance first = enrol("victim", small, null);

    assertThatThrownBy(() -> enrol("victim", small, null)).isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("groupId: is full (1 of 1 places taken)");
    assertThatThrownBy(() -> enrol("victim", "dv-no-such-group", null)).isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("groupId: is not a group of the pilot's group directory");
    assertThatThrownBy(() -> enrol(null, victimsGroup, "NRS-1")).isInstanceOf(InvalidFormException.class)
        .hasMessageContaining("participantKind: choose victim or perpetrator")
        .hasMessageContaining("nrsCaseCode: must be an NRS case code");

    // the first participant declines: the place is free again
    complete(first, screening(false, false, false, false, null));
    assertThat(first).isEnded().variables().containsEntry(HOLDS_PLACE.name(), false);
    assertThat(enrol("victim", small, null)).isWaitingAt(Elements.RISK_SCREENING);
  }

  @Test
  void pastTheEnrolmentFormTheModelStillRefusesAGroupOfTheOtherKind() {
    // started behind the start event, as a caller bypassing the enrolment form would: the kind table refuses it
    ProcessInstance enrolment = engine.getRuntimeService().createProcessInstanceByKey(DvGroupCounsellingProcess.KEY)
        .startBeforeActivity(Elements.ASSIGN_PARTICIPANT_CODE)
        .setVariables(Map.of(PARTICIPANT_KIND.name(), "perpetrator", GROUP_ID.name(), victimsGroup,
        REFERRAL_SOURCE.name(), "court"))
        .execute();

    assertThat(enrolment).isEnded().hasPassed(Elements.WRONG_GROUP_REFUSED).hasNotPassed(Elements.RISK_SCREENING)
        .variables().containsEntry(GROUP_OF_THEIR_KIND.name(), false).containsEntry(COUNSELLING_OUTCOME.name(), "not-eligible")
        .containsEntry(HOLDS_PLACE.name(), false);
    assertThat(groups.placesTaken(victimsGroup)).isZero();
  }

  @Test
  void aVictimAtHighLethalityRiskIsReferredToIndividualSupportInsteadOfTheGroup() {
    ProcessInstance enrolment = enrol("victim", victimsGroup, null);

    complete(enrolment, screening(true, false, true, false, null));

    assertThat(enrolment).isWaitingAt(Elements.REFER_TO_INDIVIDUAL_SUPPORT).variables()
        .containsEntry(ELIGIBLE_FOR_GROUP.name(), false).containsEntry(HIGH_RISK.name(), true)
        .containsEntry(SCREENING_REASON.name(), "high lethality risk: individual support and protection order first");
    complete(enrolment, Map.of(REFERRED_TO.name(), "protection-order"));
    assertThat(enrolment).isEnded().hasPassed(Elements.NOT_ELIGIBLE).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "not-eligible").containsEntry(SESSIONS_ATTENDED.name(), 0);
  }

  @Test
  void aPerpetratorWhoThreatensToKillAsViolenceEscalatesGoesToAnIndividualProgramme() {
    ProcessInstance enrolment = enrol("perpetrator", perpetratorsGroup, null);

    complete(enrolment, screening(true, true, false, true, false));

    assertThat(enrolment).isWaitingAt(Elements.REFER_TO_INDIVIDUAL_SUPPORT)
        .variables().containsEntry(SCREENING_REASON.name(), "high risk to the victim: individual perpetrator programme instead");
    assertThat(task(enrolment)).hasCandidateGroup("cap-chisinau");
  }

  @Test
  void aPerpetratorUnderARestrainingOrderIsStillEligibleButMustSaySo() {
    ProcessInstance enrolment = enrol("perpetrator", perpetratorsGroup, null);

    assertThatThrownBy(() -> complete(enrolment, screening(true, false, false, false, null)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("activeRestrainingOrder: say whether a restraining or protection order is in force");
    complete(enrolment, screening(true, false, false, false, true));

    assertThat(enrolment).isWaitingAt(Elements.SESSION_DAY).variables().containsEntry(ELIGIBLE_FOR_GROUP.name(), true)
        .containsEntry(SESSIONS.name(), 12);
  }

  @Test
  void aParticipantWhoDeclinesIsCountedAsWithdrawn() {
    ProcessInstance enrolment = enrol("victim", victimsGroup, null);

    complete(enrolment, screening(false, false, false, false, null));

    assertThat(enrolment).isEnded().hasPassed(Elements.DECLINED).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "withdrawn").containsEntry(SCREENING_REASON.name(), "declined to take part");
  }

  @Test
  void twelveWeeklySessionsAttendedCompleteTheCycleAndTheSafetyCheckInFollowsThreeMonthsLater() {
    ProcessInstance enrolment = eligible("victim", victimsGroup);

    for (int session = 1; session <= 12; session++) {
      Job sessionDay = timer(enrolment, Elements.SESSION_DAY);
      assertThat(sessionDay.getDuedate()).as("session %d a week after the last", session)
          .isEqualTo(Date.from(groupStart.plusWeeks(session - 1).atStartOfDay(PlatformClock.zone()).toInstant()));
      fireWhenDue(sessionDay);
      assertThat(task(enrolment)).hasCandidateGroup("womens-initiative");
      complete(enrolment, ATTENDED);
    }

    assertThat(enrolment).hasPassed(Elements.CYCLE_COMPLETED).isWaitingAt(Elements.SAFETY_CHECK_IN_DUE).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "completed").containsEntry(SESSIONS_ATTENDED.name(), 12)
        .containsEntry(HOLDS_PLACE.name(), false);
    assertThat(groups.placesTaken(victimsGroup)).as("the place is free for the next cycle").isZero();
    Job checkInDue = timer(enrolment, Elements.SAFETY_CHECK_IN_DUE);
    ZonedDateTime lastSession = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
    assertThat(checkInDue.getDuedate()).isEqualTo(Date.from(lastSession.plusMonths(3).toInstant()));

    fireWhenDue(checkInDue);
    complete(enrolment, Map.of(REACHED.name(), true, SAFETY_CONCERN.name(), false));

    assertThat(enrolment).isEnded().hasPassed(Elements.CHECKED_IN_SAFE).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "completed");
  }

  @Test
  void aSafetyConcernAtTheCheckInNeedsWhatWasDone() {
    ProcessInstance enrolment = eligible("perpetrator", perpetratorsGroup);
    for (int session = 1; session <= 12; session++) {
      fireWhenDue(timer(enrolment, Elements.SESSION_DAY));
      complete(enrolment, session == 5 ? ABSENT : ATTENDED);
    }
    fireWhenDue(timer(enrolment, Elements.SAFETY_CHECK_IN_DUE));

    assertThatThrownBy(() -> complete(enrolment, Map.of(REACHED.name(), true, SAFETY_CONCERN.name(), true)))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("actionTaken: is required when there is a safety concern");
    complete(enrolment, Map.of(REACHED.name(), true, SAFETY_CONCERN.name(), true,
        ACTION_TAKEN.name(), "police-informed"));

    assertThat(enrolment).isEnded().hasPassed(Elements.CHECKED_IN_WITH_CONCERN).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "completed").containsEntry(SESSIONS_ATTENDED.name(), 11);
  }

  @Test
  void threeAbsencesInARowAreADropOut() {
    ProcessInstance enrolment = eligible("victim", victimsGroup);
    fireWhenDue(timer(enrolment, Elements.SESSION_DAY));
    complete(enrolment, ATTENDED);
    for (int absence = 1; absence <= 3; absence++) {
      fireWhenDue(timer(enrolment, Elements.SESSION_DAY));
      complete(enrolment, ABSENT);
    }

    assertThat(enrolment).isEnded().hasPassed(Elements.DROPPED_OUT_END).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "dropped-out").containsEntry(SESSIONS_ATTENDED.name(), 1)
        .containsEntry(CONSECUTIVE_ABSENCES.name(), 3);
    assertThat(groups.placesTaken(victimsGroup)).isZero();
  }

  @Test
  void fourAbsencesInAllAreADropOutEvenWithAttendanceBetween() {
    ProcessInstance enrolment = eligible("perpetrator", perpetratorsGroup);
    for (Map<String, Object> session : java.util.List.of(ABSENT, ABSENT, ATTENDED, ABSENT, ATTENDED, ABSENT)) {
      fireWhenDue(timer(enrolment, Elements.SESSION_DAY));
      complete(enrolment, session);
    }

    assertThat(enrolment).isEnded().hasPassed(Elements.DROPPED_OUT_END).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "dropped-out").containsEntry(SESSIONS_ATTENDED.name(), 2)
        .containsEntry(TOTAL_ABSENCES.name(), 4);
  }

  @Test
  void aParticipantWhoLeavesTheProgrammeIsWithdrawn() {
    ProcessInstance enrolment = eligible("victim", victimsGroup);
    fireWhenDue(timer(enrolment, Elements.SESSION_DAY));
    complete(enrolment, ATTENDED);
    fireWhenDue(timer(enrolment, Elements.SESSION_DAY));

    complete(enrolment, Map.of(DvGroupCounsellingProcess.ATTENDED.name(), false, LEFT_PROGRAMME.name(), true));

    assertThat(enrolment).isEnded().hasPassed(Elements.WITHDRAWN).variables()
        .containsEntry(COUNSELLING_OUTCOME.name(), "withdrawn").containsEntry(SESSIONS_ATTENDED.name(), 1);
  }

  @Test
  void aParticipantJoiningARunningGroupHasTheFirstSessionAtOnce() {
    String running = group(DvGroup.KIND_VICTIM, 12, "womens-initiative", groupStart.minusWeeks(3));
    ProcessInstance enrolment = eligible("victim", running);

    assertThat(timer(enrolment, Elements.SESSION_DAY).getDuedate()).isEqualTo(Date.from(now));
  }

  private ProcessInstance enrol(String kind, String groupId, String nrsCaseCode) {
    Map<String, Object> form = new HashMap<>();
    form.put(PARTICIPANT_KIND.name(), kind);
    form.put(GROUP_ID.name(), groupId);
    form.put(NRS_CASE_CODE.name(), nrsCaseCode);
    form.put(REFERRAL_SOURCE.name(), "social-services");
    return engine.getRuntimeService().startProcessInstanceByKey(DvGroupCounsellingProcess.KEY, form);
  }

  /** Enrolled and screened eligible: waiting for the first session. */
  private ProcessInstance eligible(String kind, String groupId) {
    ProcessInstance enrolment = enrol(kind, groupId, null);
    complete(enrolment, screening(true, false, false, true, "perpetrator".equals(kind) ? false : null));
    assertThat(enrolment).isWaitingAt(Elements.SESSION_DAY);
    return enrolment;
  }

  private static Map<String, Object> screening(boolean agrees, boolean threats, boolean weapon, boolean escalating,
      Boolean restrainingOrder) {
    return FormSubmission.of(new RiskScreeningForm(null, agrees, threats, weapon, escalating,
        restrainingOrder));
  }

  private boolean groupOfTheirKind(String participantKind, String groupKind) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(PARTICIPANT_KIND.name(), participantKind);
    inputs.put(GROUP_KIND.name(), groupKind);
    return (Boolean) engine.getDecisionService().evaluateDecisionTableByKey(DvGroupCounsellingProcess.GROUP_KIND_DECISION, inputs)
        .getSingleResult().getSingleEntry();
  }

  private String group(String kind, int capacity, String agency) {
    return group(kind, capacity, agency, groupStart);
  }

  private String group(String kind, int capacity, String agency, LocalDate startsOn) {
    String id = "dv-test-" + System.nanoTime() % 100000 + "-" + GROUPS.incrementAndGet();
    groups.create(new DvGroups.DvGroupRequest(id, kind, capacity, startsOn, agency));
    return id;
  }

  private long instancesIn(String groupId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(DvGroupCounsellingProcess.KEY)
        .variableValueEquals(GROUP_ID.name(), groupId).count();
  }

  /** Moves the engine's clock to the timer's due date, then runs it (the job executor is off in process tests). */
  private void fireWhenDue(Job timer) {
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    engine.getManagementService().executeJob(timer.getId());
  }
}
