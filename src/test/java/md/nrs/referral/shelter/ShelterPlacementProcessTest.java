package md.nrs.referral.shelter;

import static md.nrs.referral.shelter.ShelterPlacementProcess.CAN_EXTEND;
import static md.nrs.referral.shelter.ShelterPlacementProcess.CASE_CODE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.DISCHARGED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.DISCHARGE_NOTE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.DISCHARGE_REASON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.EXTEND_STAY;
import static md.nrs.referral.shelter.ShelterPlacementProcess.EXTENSION_PERIOD;
import static md.nrs.referral.shelter.ShelterPlacementProcess.FREE_PLACES;
import static md.nrs.referral.shelter.ShelterPlacementProcess.MAXIMUM_STAY_DAYS;
import static md.nrs.referral.shelter.ShelterPlacementProcess.MINOR;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_IN_SHELTER;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACED_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACE_AVAILABLE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACE_DECISION;
import static md.nrs.referral.shelter.ShelterPlacementProcess.PLACE_NOTE;
import static md.nrs.referral.shelter.ShelterPlacementProcess.REFLECTION_PERIOD;
import static md.nrs.referral.shelter.ShelterPlacementProcess.REGION;
import static md.nrs.referral.shelter.ShelterPlacementProcess.REVIEW_REASON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.SEX;
import static md.nrs.referral.shelter.ShelterPlacementProcess.SHELTER_OUTCOME;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_ENDS_ON;
import static md.nrs.referral.shelter.ShelterPlacementProcess.STAY_EXTENSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.shelter.ShelterPlacementProcess.Elements;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessTest
class ShelterPlacementProcessTest extends CalledProcessTestSupport {

  @Autowired CheckShelterCapacity capacity;

  /** Placements this test started and left running: they would hold shelter places for the next tests. */
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void endTheStaysThisTestLeftRunning() {
    List<String> running = started.stream()
        .filter(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(running, "test over", true, true);
    }
  }

  @Test
  void deploysWithItsStayTimeLimitsTable() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ShelterPlacementProcess.KEY).latestVersion().singleResult()).isNotNull();
    Map<String, Object> policy = policy();
    assertThat(policy).containsEntry(REFLECTION_PERIOD.name(), "P30D").containsEntry(EXTENSION_PERIOD.name(), "P30D")
        .containsEntry(MAXIMUM_STAY_DAYS.name(), 180);
  }

  @Test
  void aPersonIsPlacedRecoversReviewedAndDischarged() {
    ProcessInstance placement = start(false);

    assertThat(placement).hasPassed(Elements.STAY_LIMITS, Elements.CHECK_CAPACITY).isWaitingAt(Elements.PLACE);
    assertThat(task(placement, Elements.PLACE)).hasCandidateGroup(ShelterPlacementProcess.SHELTER);
    assertThat(placement).variables().containsEntry(REFLECTION_PERIOD.name(), "P30D").containsEntry(EXTENSION_PERIOD.name(), "P30D")
        .containsEntry(MAXIMUM_STAY_DAYS.name(), 180).containsEntry(PLACE_AVAILABLE.name(), true);

    String placedOn = LocalDate.now(PlatformClock.zone()).toString();
    Instant before = now();
    complete(placement, Elements.PLACE, Map.of(PLACED_ON.name(), placedOn));
    Instant after = Instant.now();

    assertThat(placement).hasPassed(Elements.TAKE_PLACE).isWaitingAt(Elements.REFLECTION_PERIOD_OVER)
        .variables().containsEntry(PLACED_IN_SHELTER.name(), true)
        .containsEntry(STAY_ENDS_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(30).toString());
    Job reflection = timer(placement, Elements.REFLECTION_PERIOD_OVER);
    assertDueAfter(reflection, (String) policy().get(REFLECTION_PERIOD.name()), before, after);

    engine.getManagementService().executeJob(reflection.getId());
    assertThat(placement).isWaitingAt(Elements.REVIEW_STAY);
    assertThat(task(placement, Elements.REVIEW_STAY)).hasCandidateGroup(ShelterPlacementProcess.SHELTER);
    complete(placement, Elements.REVIEW_STAY, Map.of(EXTEND_STAY.name(), "no",
        REVIEW_REASON.name(), "Ready to move on"));

    assertThat(placement).hasPassed(Elements.STAY_OVER).isWaitingAt(Elements.DISCHARGE);
    assertThat(task(placement, Elements.DISCHARGE)).hasCandidateGroup(ShelterPlacementProcess.SHELTER);
    complete(placement, Elements.DISCHARGE, Map.of(PLACED_ON.name(), placedOn,
        ShelterPlacementProcess.DISCHARGED_ON.name(), placedOn,
        DISCHARGE_REASON.name(), "recovered", DISCHARGE_NOTE.name(), "Continues with psychological counselling"));

    assertThat(placement).isEnded().hasPassed(Elements.FREE_PLACE, Elements.DISCHARGED)
        .variables().containsEntry(SHELTER_OUTCOME.name(), ShelterPlacementProcess.OUTCOME_DISCHARGED)
        .containsEntry(DISCHARGED_ON.name(), placedOn)
        .containsEntry(PLACED_IN_SHELTER.name(), false);
  }

  @Test
  void anExtendedStayIsReviewedAgainWhenTheExtensionPeriodIsOver() {
    ProcessInstance placement = placedAndReviewDue(LocalDate.now(PlatformClock.zone()));

    Instant before = now();
    complete(placement, Elements.REVIEW_STAY, Map.of(EXTEND_STAY.name(), "yes",
        REVIEW_REASON.name(), "Recovery goes on"));
    Instant after = Instant.now();

    assertThat(placement).hasPassed(Elements.CHECK_EXTENSION).isWaitingAt(Elements.EXTENSION_OVER)
        .variables().containsEntry(CAN_EXTEND.name(), true).containsEntry(STAY_EXTENSIONS.name(), 1)
        .containsEntry(STAY_ENDS_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(60).toString());
    Job extension = timer(placement, Elements.EXTENSION_OVER);
    assertDueAfter(extension, (String) policy().get(EXTENSION_PERIOD.name()), before, after);

    engine.getManagementService().executeJob(extension.getId());
    assertThat(placement).isWaitingAt(Elements.REVIEW_STAY);
  }

  @Test
  void anExtensionBeyondTheMaximumStayIsRefusedAndTheStayEnds() {
    LocalDate placedOn = LocalDate.now(PlatformClock.zone());
    ProcessInstance placement = placedAndReviewDue(placedOn);

    // 30 days of reflection + 5 extensions of 30 days = 180 days, the maximum: the sixth is refused.
    for (int extension = 1; extension <= 5; extension++) {
      complete(placement, Elements.REVIEW_STAY, Map.of(EXTEND_STAY.name(), "yes",
          REVIEW_REASON.name(), "Recovery goes on"));
      assertThat(placement).isWaitingAt(Elements.EXTENSION_OVER).variables()
          .containsEntry(STAY_EXTENSIONS.name(), extension);
      engine.getManagementService().executeJob(timer(placement, Elements.EXTENSION_OVER).getId());
    }
    assertThat(placement).variables().containsEntry(STAY_ENDS_ON.name(), placedOn.plusDays(180).toString());

    complete(placement, Elements.REVIEW_STAY, Map.of(EXTEND_STAY.name(), "yes",
        REVIEW_REASON.name(), "Still waiting for housing"));

    assertThat(placement).isWaitingAt(Elements.DISCHARGE).hasPassed(Elements.STAY_OVER)
        .variables().containsEntry(CAN_EXTEND.name(), false).containsEntry(STAY_EXTENSIONS.name(), 5);
    complete(placement, Elements.DISCHARGE, Map.of(ShelterPlacementProcess.DISCHARGED_ON.name(), placedOn.toString(),
        DISCHARGE_REASON.name(), "maximum-stay-reached"));
    assertThat(placement).isEnded().hasPassed(Elements.DISCHARGED);
  }

  @Test
  void aPersonWhoLeavesEarlyIsDischargedWithoutWaitingForTheReview() {
    LocalDate placedOn = LocalDate.now(PlatformClock.zone()).minusDays(3);
    ProcessInstance placement = start(false);
    complete(placement, Elements.PLACE, Map.of(PLACED_ON.name(), placedOn.toString()));
    assertThat(placement).isWaitingAt(Elements.REFLECTION_PERIOD_OVER);

    engine.getRuntimeService().createMessageCorrelation(ShelterPlacementProcess.MESSAGE_LEFT_EARLY)
        .processInstanceBusinessKey(businessKeyOf(placement)).correlate();

    assertThat(placement).hasPassed(Elements.LEFT_EARLY).hasNotPassed(Elements.REVIEW_STAY).isWaitingAt(Elements.DISCHARGE);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(placement.getId()).count()).isZero();
    complete(placement, Elements.DISCHARGE, Map.of(ShelterPlacementProcess.DISCHARGED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        DISCHARGE_REASON.name(), "left-voluntarily"));
    assertThat(placement).isEnded().variables().containsEntry(SHELTER_OUTCOME.name(), "discharged")
        .containsEntry(PLACED_IN_SHELTER.name(), false);
  }

  @Test
  void aFullShelterSendsTheRequestToTheCoordinatorWhoChecksAgainUntilAPlaceFreesUp() {
    List<ProcessInstance> residents = fillTheShelter();

    ProcessInstance waiting = start(true);
    assertThat(waiting).isWaitingAt(Elements.FIND_PLACE).variables()
        .containsEntry(PLACE_AVAILABLE.name(), false).containsEntry(FREE_PLACES.name(), 0);
    assertThat(task(waiting, Elements.FIND_PLACE)).hasCandidateGroup("nrs-coordinators");

    // A coordinator cannot read other placements, yet the check counts them all.
    engine.getIdentityService().setAuthentication("coordinator.test", List.of("nrs-coordinators"));
    try {
      complete(waiting, Elements.FIND_PLACE, Map.of(PLACE_DECISION.name(), "recheck"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(waiting).isWaitingAt(Elements.FIND_PLACE);

    ProcessInstance leaving = residents.get(0);
    engine.getRuntimeService().correlateMessage(ShelterPlacementProcess.MESSAGE_LEFT_EARLY, businessKeyOf(leaving));
    complete(leaving, Elements.DISCHARGE, Map.of(ShelterPlacementProcess.DISCHARGED_ON.name(), LocalDate.now(PlatformClock.zone()).toString(),
        DISCHARGE_REASON.name(), "moved-to-family"));
    assertThat(leaving).isEnded();

    complete(waiting, Elements.FIND_PLACE, Map.of(PLACE_DECISION.name(), "recheck"));
    assertThat(waiting).isWaitingAt(Elements.PLACE).variables().containsEntry(FREE_PLACES.name(), 1);
  }

  @Test
  void theCoordinatorMayEndTheRequestWhenNoPlaceCanBeFound() {
    fillTheShelter();
    ProcessInstance waiting = start(false);

    assertThatThrownBy(() -> complete(waiting, Elements.FIND_PLACE, Map.of(PLACE_DECISION.name(), "no-place")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("placeNote: is required when there is no place");
    complete(waiting, Elements.FIND_PLACE, Map.of(PLACE_DECISION.name(), "no-place",
        PLACE_NOTE.name(), "Safe accommodation with a relative, followed by the community social worker"));

    assertThat(waiting).isEnded().hasPassed(Elements.RECORD_NO_PLACE, Elements.NO_PLACE).hasNotPassed(Elements.PLACE)
        .variables().containsEntry(SHELTER_OUTCOME.name(), ShelterPlacementProcess.OUTCOME_NO_PLACE)
        .doesNotContainKey(DISCHARGED_ON.name());
  }

  @Test
  void aPlacementInTheFutureAndAReviewWithoutReasonAreRefused() {
    ProcessInstance placement = start(false);
    assertThatThrownBy(() -> complete(placement, Elements.PLACE,
        Map.of(PLACED_ON.name(), LocalDate.now(PlatformClock.zone()).plusDays(1).toString())))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("placedOn: cannot be in the future");
    assertThat(placement).isWaitingAt(Elements.PLACE);

    complete(placement, Elements.PLACE, Map.of(PLACED_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));
    engine.getManagementService().executeJob(timer(placement, Elements.REFLECTION_PERIOD_OVER).getId());
    assertThatThrownBy(() -> complete(placement, Elements.REVIEW_STAY, Map.of(EXTEND_STAY.name(), "yes")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("reviewReason: is required: say why");
    assertThat(placement).isWaitingAt(Elements.REVIEW_STAY);
  }

  @Test
  void aDischargeBeforeThePlacementOrInTheFutureIsRefused() {
    LocalDate placedOn = LocalDate.now(PlatformClock.zone()).minusDays(10);
    ProcessInstance placement = start(false);
    complete(placement, Elements.PLACE, Map.of(PLACED_ON.name(), placedOn.toString()));
    engine.getRuntimeService().correlateMessage(ShelterPlacementProcess.MESSAGE_LEFT_EARLY, businessKeyOf(placement));

    assertThatThrownBy(() -> complete(placement, Elements.DISCHARGE, Map.of(ShelterPlacementProcess.DISCHARGED_ON.name(),
        placedOn.minusDays(1).toString(), DISCHARGE_REASON.name(), "left-voluntarily")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("dischargedOn: cannot be before the placement date");
    assertThatThrownBy(() -> complete(placement, Elements.DISCHARGE, Map.of(ShelterPlacementProcess.DISCHARGED_ON.name(),
        LocalDate.now(PlatformClock.zone()).plusDays(1).toString(), DISCHARGE_REASON.name(), "left-voluntarily")))
        .hasRootCauseInstanceOf(InvalidFormException.class)
        .hasMessageContaining("dischargedOn: cannot be in the future");
    assertThat(placement).isWaitingAt(Elements.DISCHARGE);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Each placement gets a case code of its own, not the test's {@code caseCode}: a test may start several
   * (fillTheShelter), and the left-early message is correlated by business key.
   */
  private ProcessInstance start(boolean minor) {
    String caseCode = caseCodes.next();
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), minor);
    variables.put(SEX.name(), "female");
    variables.put(REGION.name(), "moldova");
    ProcessInstance instance =
        PlatformStarts.withBusinessKey(caseCode,
            () -> engine.getRuntimeService().startProcessInstanceByKey(ShelterPlacementProcess.KEY, caseCode, variables));
    started.add(instance.getId());
    return instance;
  }

  /** Placed on the given day, the reflection period over: the review is open. */
  private ProcessInstance placedAndReviewDue(LocalDate placedOn) {
    ProcessInstance placement = start(false);
    complete(placement, Elements.PLACE, Map.of(PLACED_ON.name(), placedOn.toString()));
    engine.getManagementService().executeJob(timer(placement, Elements.REFLECTION_PERIOD_OVER).getId());
    assertThat(placement).isWaitingAt(Elements.REVIEW_STAY);
    return placement;
  }

  /** Places people until every configured place is taken (counting stays still running from elsewhere). */
  private List<ProcessInstance> fillTheShelter() {
    long taken = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ShelterPlacementProcess.KEY)
        .variableValueEquals(PLACED_IN_SHELTER.name(), true).count();
    List<ProcessInstance> residents = new ArrayList<>();
    for (long place = taken; place < capacity.places(); place++) {
      ProcessInstance resident = start(false);
      complete(resident, Elements.PLACE, Map.of(PLACED_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));
      residents.add(resident);
    }
    return residents;
  }

  private Map<String, Object> policy() {
    VariableMap inputs = Variables.createVariables().putValue(MINOR.name(), false);
    return engine.getDecisionService().evaluateDecisionTableByKey(ShelterPlacementProcess.POLICY_DECISION, inputs)
        .getSingleResult().getEntryMap();
  }

  private String businessKeyOf(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The timer is due one table period after it was set (the engine adds calendar days in local time). */
  private static void assertDueAfter(Job timer, String period, Instant before, Instant after) {
    Period days = Period.parse(period);
    assertThat(timer.getDuedate().toInstant()).isBetween(
        before.atZone(ZoneId.systemDefault()).plus(days).toInstant(),
        after.atZone(ZoneId.systemDefault()).plus(days).toInstant().plusSeconds(1));
  }
}
