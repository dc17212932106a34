package md.nrs.referral.repatriation;

import static md.nrs.referral.repatriation.RepatriationProcess.ARRIVAL_POINT;
import static md.nrs.referral.repatriation.RepatriationProcess.CASE_CODE;
import static md.nrs.referral.repatriation.RepatriationProcess.CHILD_ESCORT;
import static md.nrs.referral.repatriation.RepatriationProcess.CHILD_ESCORT_CONFIRMED;
import static md.nrs.referral.repatriation.RepatriationProcess.COUNTRY;
import static md.nrs.referral.repatriation.RepatriationProcess.DELAY_CAUSE;
import static md.nrs.referral.repatriation.RepatriationProcess.DELAY_NOTE;
import static md.nrs.referral.repatriation.RepatriationProcess.DOCUMENTS_READY_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.DOCUMENT_TYPE;
import static md.nrs.referral.repatriation.RepatriationProcess.ESCORT;
import static md.nrs.referral.repatriation.RepatriationProcess.ESCORT_NEEDED;
import static md.nrs.referral.repatriation.RepatriationProcess.HANDED_OVER_TO;
import static md.nrs.referral.repatriation.RepatriationProcess.MINOR;
import static md.nrs.referral.repatriation.RepatriationProcess.OTHER_ARRIVAL_POINT;
import static md.nrs.referral.repatriation.RepatriationProcess.RECEIVED_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.RECEPTION_NOTE;
import static md.nrs.referral.repatriation.RepatriationProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.repatriation.RepatriationProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.repatriation.RepatriationProcess.RETURNED_ON;
import static md.nrs.referral.repatriation.RepatriationProcess.RETURN_WANTED;
import static md.nrs.referral.repatriation.RepatriationProcess.RISK_LEVEL;
import static md.nrs.referral.repatriation.RepatriationProcess.RISK_NOTE;
import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_ARRANGEMENT_PERIOD;
import static md.nrs.referral.repatriation.RepatriationProcess.TRAVEL_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.repatriation.RepatriationProcess.Elements;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

@ProcessTest
class RepatriationProcessTest extends CalledProcessTestSupport {

  private static final String TEAM = "mdt-chisinau";
  private static final String GUARDIANSHIP = "guardianship-balti";

  @Test
  void deploysWithItsTimeLimitsTable() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(RepatriationProcess.KEY).latestVersion().singleResult()).isNotNull();
    assertThat(travelArrangementPeriod(false)).isEqualTo("P14D");
    assertThat(travelArrangementPeriod(true)).isEqualTo("P14D");
  }

  @Test
  void anAdultWhoWantsToReturnIsBroughtHomeAndHandedOver() {
    ProcessInstance repatriation = start(false);

    assertThat(repatriation).isWaitingAt(Elements.ASSESS_RETURN);
    assertThat(task(repatriation, Elements.ASSESS_RETURN)).hasCandidateGroup("iom");
    complete(repatriation, Elements.ASSESS_RETURN,
        Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low", ESCORT_NEEDED.name(), false,
            RISK_NOTE.name(), "No threats known"));

    assertThat(repatriation).isWaitingAt(Elements.OBTAIN_TRAVEL_DOCUMENTS);
    assertThat(task(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS)).hasCandidateGroup("iom");
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS,
        Map.of(DOCUMENT_TYPE.name(), "consular-travel-document",
            DOCUMENTS_READY_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));

    assertThat(repatriation).isWaitingAt(Elements.ARRANGE_TRAVEL);
    assertThat(task(repatriation, Elements.ARRANGE_TRAVEL)).hasCandidateGroup("iom");
    LocalDate travelDate = LocalDate.now(PlatformClock.zone()).plusDays(5);
    complete(repatriation, Elements.ARRANGE_TRAVEL,
        Map.of(TRAVEL_DATE.name(), travelDate.toString(), ARRIVAL_POINT.name(), "chisinau-airport",
            ESCORT.name(), "none"));

    assertThat(repatriation).hasPassed(Elements.NOTIFY_RECEIVING_TEAM).hasNotPassed(Elements.NOTIFY_GUARDIANSHIP_AUTHORITY)
        .isWaitingAt(Elements.RECEIVE_AND_HAND_OVER);
    assertThat(task(repatriation, Elements.RECEIVE_AND_HAND_OVER)).hasCandidateGroup(TEAM);
    List<OutboxEntry> told = outboxOf(repatriation);
    assertThat(told).extracting(OutboxEntry::getAgencyId, OutboxEntry::getStep)
        .containsExactly(tuple(TEAM, Elements.RECEIVE_AND_HAND_OVER));
    assertThat(told.get(0).getRequest()).contains(travelDate.toString(), "Chisinau International Airport");
    assertThat(told.get(0).getDueAt()).isEqualTo(travelDate.atStartOfDay(ZoneId.of("Europe/Chisinau")).toInstant());

    String receivedOn = LocalDate.now(PlatformClock.zone()).toString();
    complete(repatriation, Elements.RECEIVE_AND_HAND_OVER, Map.of(RECEIVED_ON.name(), receivedOn,
        HANDED_OVER_TO.name(), "cap"));

    assertThat(repatriation).isEnded().hasPassed(Elements.RECORD_RETURN, Elements.RETURNED)
        .variables().containsEntry(REPATRIATION_OUTCOME.name(), RepatriationProcess.OUTCOME_RETURNED)
        .containsEntry(RETURNED_ON.name(), receivedOn);
  }

  @Test
  void aReturningChildIsAnnouncedToTheGuardianshipAuthorityToo() {
    ProcessInstance repatriation = startChild(BestInterestsProcess.AGREE);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "high",
        ESCORT_NEEDED.name(), true, RISK_NOTE.name(), "Recruiter is a relative"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));
    complete(repatriation, Elements.CONFIRM_CHILD_ESCORT, FormSubmission.of(new ConfirmChildEscortForm("social-worker", true, null)));
    LocalDate travelDate = LocalDate.now(PlatformClock.zone()).plusDays(2);
    complete(repatriation, Elements.ARRANGE_TRAVEL, Map.of(TRAVEL_DATE.name(), travelDate.toString(),
        ARRIVAL_POINT.name(), "other", OTHER_ARRIVAL_POINT.name(), "Otaci border crossing",
            ESCORT.name(), "social-worker"));

    assertThat(repatriation).hasPassed(Elements.NOTIFY_RECEIVING_TEAM, Elements.NOTIFY_GUARDIANSHIP_AUTHORITY)
        .isWaitingAt(Elements.RECEIVE_AND_HAND_OVER);
    List<OutboxEntry> told = outboxOf(repatriation);
    assertThat(told).extracting(OutboxEntry::getAgencyId)
        .containsExactly(TEAM, RepatriationProcess.GUARDIANSHIP_AUTHORITY);
    assertThat(told.get(1).getRequest()).contains("A child returns", "Otaci border crossing", "be present");
    assertThat(told.get(1).getDueAt()).isEqualTo(told.get(0).getDueAt());

    complete(repatriation, Elements.RECEIVE_AND_HAND_OVER, Map.of(RECEIVED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        HANDED_OVER_TO.name(), "guardianship-authority",
            RECEPTION_NOTE.name(), "Met at the border with the guardianship authority"));
    assertThat(repatriation).isEnded().hasPassed(Elements.RETURNED);
  }

  @Test
  void aChildTravelsOnlyWithAnEscortIomHasConfirmed() {
    ProcessInstance repatriation = startChild(BestInterestsProcess.AGREE_WITH_CONDITIONS);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));

    assertThat(repatriation).hasPassed(Elements.CHILD_TRAVELS).hasNotPassed(Elements.BEST_INTERESTS_BEFORE_TRAVEL)
        .isWaitingAt(Elements.CONFIRM_CHILD_ESCORT);
    assertThat(task(repatriation, Elements.CONFIRM_CHILD_ESCORT)).hasCandidateGroup("iom");
    assertThatThrownBy(() -> complete(repatriation, Elements.CONFIRM_CHILD_ESCORT,
        FormSubmission.of(new ConfirmChildEscortForm("iom-staff", false, null))))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("childEscortConfirmed: a child travels only with a confirmed escort");
    assertThatThrownBy(() -> complete(repatriation, Elements.CONFIRM_CHILD_ESCORT, Map.of(CHILD_ESCORT_CONFIRMED.name(), true)))
        .hasRootCauseInstanceOf(InvalidFormException.class).hasMessageContaining("childEscortBy: choose who escorts the child");
    assertThat(repatriation).isWaitingAt(Elements.CONFIRM_CHILD_ESCORT);

    complete(repatriation, Elements.CONFIRM_CHILD_ESCORT, FormSubmission.of(new ConfirmChildEscortForm("guardianship-authority",
        true, "Met at the airport in Rome")));
    assertThat(repatriation).isWaitingAt(Elements.ARRANGE_TRAVEL).variables()
        .containsEntry(CHILD_ESCORT.name(), "guardianship-authority");
  }

  @Test
  void aChildWithoutABestInterestsDeterminationWaitsForTheGuardianshipAuthorityAndARefusalKeepsTheChildAbroad() {
    ProcessInstance repatriation = startChild(null);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));

    assertThat(repatriation).isWaitingAt(Elements.BEST_INTERESTS_BEFORE_TRAVEL);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repatriation.getId()).count())
        .as("no travel before the determination").isZero();
    Task determination = determination();
    assertThat(determination).hasCandidateGroup(GUARDIANSHIP);
    engine.getTaskService().complete(determination.getId(), FormSubmission.of(new DetermineBestInterestsForm("traced-not-safe",
        "heard-disagrees", "not-applicable", BestInterestsProcess.REFUSE, null, "The family arranged the exploitation")));

    assertThat(repatriation).isEnded().hasPassed(Elements.TELL_CASE_TEAM_NO_RETURN, Elements.NOT_RETURNED)
        .hasNotPassed(Elements.CONFIRM_CHILD_ESCORT, Elements.ARRANGE_TRAVEL).variables()
        .containsEntry(REPATRIATION_OUTCOME.name(), RepatriationProcess.OUTCOME_NOT_RETURNED);
    assertThat(outboxOf(repatriation)).singleElement().satisfies(told ->
        assertThat(told.getRequest()).contains("not in the child's best interests"));
  }

  @Test
  void aChildWhoseReturnTheGuardianshipAuthorityAgreesHereStillNeedsTheEscort() {
    ProcessInstance repatriation = startChild(null);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));
    engine.getTaskService().complete(determination().getId(), FormSubmission.of(new DetermineBestInterestsForm("traced-safe",
        "heard-agrees", "iom-staff", BestInterestsProcess.AGREE, null, null)));

    assertThat(repatriation).hasPassed(Elements.BEST_INTERESTS_BEFORE_TRAVEL).isWaitingAt(Elements.CONFIRM_CHILD_ESCORT)
        .variables().containsEntry(RepatriationProcess.RETURN_DECISION.name(), BestInterestsProcess.AGREE);
  }

  @Test
  void anAdultNeedsNeitherTheDeterminationNorTheChildsEscort() {
    ProcessInstance repatriation = start(false);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));
    assertThat(repatriation).isWaitingAt(Elements.ARRANGE_TRAVEL)
        .hasNotPassed(Elements.BEST_INTERESTS_BEFORE_TRAVEL, Elements.CONFIRM_CHILD_ESCORT);
  }

  @Test
  void aPersonWhoDoesNotWantToReturnKeepsTheAssistanceAbroad() {
    ProcessInstance repatriation = start(false);

    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "no"));

    assertThat(repatriation).isEnded().hasPassed(Elements.TELL_CASE_TEAM_NO_RETURN, Elements.NOT_RETURNED)
        .hasNotPassed(Elements.OBTAIN_TRAVEL_DOCUMENTS)
        .variables().containsEntry(REPATRIATION_OUTCOME.name(), RepatriationProcess.OUTCOME_NOT_RETURNED)
        .doesNotContainKey(RETURNED_ON.name());
    assertThat(outboxOf(repatriation)).singleElement().satisfies(entry -> {
      assertThat(entry.getAgencyId()).isEqualTo(TEAM);
      assertThat(entry.getStep()).isEqualTo(Elements.TELL_CASE_TEAM_NO_RETURN);
      assertThat(entry.getRequest()).contains("Russian Federation", "assistance goes on abroad");
    });
  }

  @Test
  void travelNotArrangedWithinTheTableSPeriodGoesToTheCoordinatorWhileIomCarriesOn() {
    ProcessInstance repatriation = start(false);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "medium"));

    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS,
        Map.of(DOCUMENT_TYPE.name(), "passport", DOCUMENTS_READY_ON.name(), LocalDate.now(PlatformClock.zone()).minusDays(1).toString()));
    Instant after = Instant.now();

    Job timer = timer(repatriation);
    Period period = Period.parse(travelArrangementPeriod(false));
    assertThat(timer.getDuedate().toInstant())
        .isBetween(plus(before, period), plus(after, period).plusSeconds(1));

    engine.getManagementService().executeJob(timer.getId());

    assertThat(repatriation).isWaitingAt(Elements.ARRANGE_TRAVEL, Elements.REVIEW_DELAY);
    assertThat(task(repatriation, Elements.REVIEW_DELAY)).hasCandidateGroup("nrs-coordinators");
    complete(repatriation, Elements.REVIEW_DELAY, Map.of(DELAY_CAUSE.name(), "documents-pending",
        DELAY_NOTE.name(), "Consulate appointment next week"));

    assertThat(repatriation).hasPassed(Elements.DELAY_REVIEWED).isWaitingAt(Elements.ARRANGE_TRAVEL);
    complete(repatriation, Elements.ARRANGE_TRAVEL, Map.of(TRAVEL_DATE.name(), LocalDate.now(PlatformClock.zone()).plusDays(1).toString(),
        ARRIVAL_POINT.name(), "leuseni", ESCORT.name(), "iom-staff"));
    complete(repatriation, Elements.RECEIVE_AND_HAND_OVER, Map.of(RECEIVED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        HANDED_OVER_TO.name(), "family"));
    assertThat(repatriation).isEnded().hasPassed(Elements.RETURNED);
  }

  @Test
  void theReturnEndsADelayReviewStillOpen() {
    ProcessInstance repatriation = start(false);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));
    engine.getManagementService().executeJob(timer(repatriation).getId());

    complete(repatriation, Elements.ARRANGE_TRAVEL, Map.of(TRAVEL_DATE.name(), LocalDate.now(PlatformClock.zone()).toString(),
        ARRIVAL_POINT.name(), "palanca", ESCORT.name(), "none"));
    assertThat(repatriation).isWaitingAt(Elements.REVIEW_DELAY, Elements.RECEIVE_AND_HAND_OVER);
    complete(repatriation, Elements.RECEIVE_AND_HAND_OVER, Map.of(RECEIVED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        HANDED_OVER_TO.name(), "cap"));

    assertThat(repatriation).isEnded().hasPassed(Elements.RETURNED).hasNotPassed(Elements.DELAY_REVIEWED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repatriation.getId()).count()).isZero();
  }

  @Test
  void aReturnWithoutTheRiskOrAHighRiskWithoutANoteIsRefused() {
    ProcessInstance repatriation = start(false);
    Task assess = task(repatriation, Elements.ASSESS_RETURN);

    assertThatThrownBy(() -> engine.getTaskService().complete(assess.getId(), Map.of(RETURN_WANTED.name(), "yes")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("riskLevel: is required when the person wants to return");
    assertThatThrownBy(() -> engine.getTaskService().complete(assess.getId(),
        Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "high")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("riskNote: is required when the risk is high");
    assertThat(repatriation).isWaitingAt(Elements.ASSESS_RETURN);
  }

  @Test
  void aPassportWithoutItsDateAndAnOtherArrivalPointWithoutItsNameAreRefused() {
    ProcessInstance repatriation = start(false);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));

    assertThatThrownBy(() -> complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "passport")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("documentsReadyOn: is required");
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS,
        Map.of(DOCUMENT_TYPE.name(), "passport", DOCUMENTS_READY_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));

    assertThatThrownBy(() -> complete(repatriation, Elements.ARRANGE_TRAVEL,
        Map.of(TRAVEL_DATE.name(), LocalDate.now(PlatformClock.zone()).toString(), ARRIVAL_POINT.name(), "other", ESCORT.name(), "none")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("otherArrivalPoint: is required");
    assertThat(repatriation).isWaitingAt(Elements.ARRANGE_TRAVEL);
  }

  @Test
  void aReceptionDatedInTheFutureIsRefused() {
    ProcessInstance repatriation = start(false);
    complete(repatriation, Elements.ASSESS_RETURN, Map.of(RETURN_WANTED.name(), "yes", RISK_LEVEL.name(), "low"));
    complete(repatriation, Elements.OBTAIN_TRAVEL_DOCUMENTS, Map.of(DOCUMENT_TYPE.name(), "none-needed"));
    complete(repatriation, Elements.ARRANGE_TRAVEL, Map.of(TRAVEL_DATE.name(), LocalDate.now(PlatformClock.zone()).plusDays(3).toString(),
        ARRIVAL_POINT.name(), "chisinau-airport", ESCORT.name(), "none"));

    assertThatThrownBy(() -> complete(repatriation, Elements.RECEIVE_AND_HAND_OVER,
        Map.of(RECEIVED_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(3).toString(), HANDED_OVER_TO.name(), "family")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("receivedOn: cannot be in the future");
    assertThatThrownBy(() -> complete(repatriation, Elements.RECEIVE_AND_HAND_OVER,
        Map.of(RECEIVED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(), HANDED_OVER_TO.name(), "other")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("receptionNote: is required: say to whom");
    assertThat(repatriation).isWaitingAt(Elements.RECEIVE_AND_HAND_OVER);
  }

  private ProcessInstance start(boolean minor) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), minor);
    variables.put(COUNTRY.name(), "Russian Federation");
    variables.put(RESPONSIBLE_TEAM.name(), TEAM);
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(RepatriationProcess.KEY, caseCode, variables));
  }

  /** A child's repatriation, with the case's best-interests decision on the return, or none (null) as the case passes it. */
  private ProcessInstance startChild(String returnDecision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), true);
    variables.put(COUNTRY.name(), "Italy");
    variables.put(RESPONSIBLE_TEAM.name(), TEAM);
    variables.put(RepatriationProcess.GUARDIANSHIP_AUTHORITY_OF_CASE.name(), GUARDIANSHIP);
    variables.put(RepatriationProcess.RETURN_DECISION.name(), returnDecision); // the case always passes it, null when none
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(RepatriationProcess.KEY, caseCode, variables));
  }

  /** The guardianship authority's determination the repatriation asked for (in the called process). */
  private Task determination() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(BestInterestsProcess.KEY)
        .processInstanceBusinessKey(caseCode).taskDefinitionKey(BestInterestsProcess.Elements.DETERMINE).singleResult();
  }

  private String travelArrangementPeriod(boolean minor) {
    return (String) engine.getDecisionService().evaluateDecisionTableByKey(RepatriationProcess.POLICY_DECISION,
        Variables.createVariables().putValue(MINOR.name(), minor)).getSingleResult().getEntry(TRAVEL_ARRANGEMENT_PERIOD.name());
  }

  /** The instant a timer set at {@code from} for {@code period} is due: the engine counts calendar days locally. */
  private static Instant plus(Instant from, Period period) {
    return from.atZone(ZoneId.systemDefault()).plus(period).toInstant();
  }

  /** The one timer of the process: travel not arranged within the table's period. */
  private Job timer(ProcessInstance instance) {
    return timer(instance, Elements.TRAVEL_NOT_ARRANGED);
  }
}
