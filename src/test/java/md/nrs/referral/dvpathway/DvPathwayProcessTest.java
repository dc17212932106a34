package md.nrs.referral.dvpathway;

import static md.nrs.referral.dvpathway.DvPathwayProcess.AGREES_TO_TAKE_PART;
import static md.nrs.referral.dvpathway.DvPathwayProcess.APPLICATION_FILED_ON;
import static md.nrs.referral.dvpathway.DvPathwayProcess.CASE_CODE;
import static md.nrs.referral.dvpathway.DvPathwayProcess.ELIGIBLE_FOR_GROUP;
import static md.nrs.referral.dvpathway.DvPathwayProcess.GROUP_OFFER;
import static md.nrs.referral.dvpathway.DvPathwayProcess.HIGH_RISK;
import static md.nrs.referral.dvpathway.DvPathwayProcess.LOCATION;
import static md.nrs.referral.dvpathway.DvPathwayProcess.MINOR;
import static md.nrs.referral.dvpathway.DvPathwayProcess.PROTECTION_ORDER_OUTCOME;
import static md.nrs.referral.dvpathway.DvPathwayProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.dvpathway.DvPathwayProcess.RESTRAINING_ORDER_ISSUED_ON;
import static md.nrs.referral.dvpathway.DvPathwayProcess.RESTRAINING_ORDER_OUTCOME;
import static md.nrs.referral.dvpathway.DvPathwayProcess.SEX;
import static md.nrs.referral.dvpathway.DvPathwayProcess.STRANGULATION_OR_WEAPON;
import static md.nrs.referral.dvpathway.DvPathwayProcess.THREATS_TO_KILL;
import static md.nrs.referral.dvpathway.DvPathwayProcess.URGENCY;
import static md.nrs.referral.dvpathway.DvPathwayProcess.VIOLENCE_ESCALATING;
import static md.nrs.referral.dvpathway.DvPathwayProcess.WANTS_PROTECTION_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.dvpathway.DvPathwayProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

@ProcessTest
class DvPathwayProcessTest extends CalledProcessTestSupport {

  private static final String TEAM = "mdt-chisinau";

  @Test
  void aVictimWhoWantsProtectionGetsOrderSupportDvServicesAndTheGroupOfferSideBySide() {
    ProcessInstance pathway = start();
    complete(pathway, Elements.CONSENT, InformedConsent.given("cap-chisinau").submission());
    assertThat(task(pathway, Elements.RISK_ASSESSMENT)).hasCandidateGroup(TEAM);

    complete(pathway, Elements.RISK_ASSESSMENT, assessment(false, false, false, true, true));

    assertThat(pathway).isWaitingAt(Elements.EMERGENCY_RESTRAINING_ORDER, Elements.OFFER_GROUP, Elements.DV_SERVICES);
    assertThat(task(pathway, Elements.EMERGENCY_RESTRAINING_ORDER)).hasCandidateGroup(TEAM);
    assertThat(pathway).variables().containsEntry(ELIGIBLE_FOR_GROUP.name(), true).containsEntry(HIGH_RISK.name(), false);
    Task dvService = calledServiceTask(pathway);
    assertThat(dvService.getTaskDefinitionKey()).isEqualTo(AssistanceServiceProcess.Elements.ANSWER_REFERRAL);
    assertThat(dvService).hasCandidateGroup("cap-chisinau");

    complete(pathway, Elements.EMERGENCY_RESTRAINING_ORDER, Map.of(RESTRAINING_ORDER_OUTCOME.name(), "issued",
        RESTRAINING_ORDER_ISSUED_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));
    complete(pathway, Elements.PROTECTION_ORDER, Map.of(PROTECTION_ORDER_OUTCOME.name(), "issued",
        APPLICATION_FILED_ON.name(), LocalDate.now(PlatformClock.zone()).toString()));
    complete(pathway, Elements.OFFER_GROUP, Map.of(GROUP_OFFER.name(), "enrolled"));
    assertThat(pathway).isWaitingAt(Elements.DV_SERVICES);

    engine.getTaskService().complete(dvService.getId(), Map.of(AssistanceServiceProcess.PROVIDER_ANSWER.name(), "accept"));
    engine.getTaskService().complete(calledServiceTask(pathway).getId(), Map.of(
        AssistanceServiceProcess.SERVICE_OUTCOME.name(), "delivered", AssistanceServiceProcess.DELIVERED_ON.name(),
        LocalDate.now(PlatformClock.zone()).toString()));
    assertThat(pathway).isEnded().hasPassed(Elements.SUPPORT_ARRANGED);
  }

  @Test
  void aVictimAtHighLethalityRiskIsNotOfferedAGroupAndWithoutWantingAnOrderGetsNoOrderStep() {
    ProcessInstance pathway = start();
    complete(pathway, Elements.CONSENT, InformedConsent.given("cap-chisinau").submission());

    complete(pathway, Elements.RISK_ASSESSMENT, assessment(true, false, true, false, true));

    assertThat(pathway).variables().containsEntry(HIGH_RISK.name(), true).containsEntry(ELIGIBLE_FOR_GROUP.name(), false);
    assertThat(pathway).isWaitingAt(Elements.DV_SERVICES);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).count()).isZero();

    engine.getTaskService().complete(calledServiceTask(pathway).getId(), Map.of(
        AssistanceServiceProcess.PROVIDER_ANSWER.name(), "reject", AssistanceServiceProcess.REJECTION_REASON.name(), "No places"));
    engine.getTaskService().complete(calledServiceTask(pathway).getId(), Map.of(
        AssistanceServiceProcess.COORDINATOR_DECISION.name(), AssistanceServiceProcess.DECISION_CANCEL,
        AssistanceServiceProcess.COORDINATOR_NOTE.name(), "Person moved to relatives in another district"));
    assertThat(pathway).isEnded().hasPassed(Elements.SUPPORT_ARRANGED).hasNotPassed(Elements.OFFER_GROUP);
  }

  @Test
  void aRefusalOfAssistanceEndsThePathwayWithInformationGiven() {
    ProcessInstance pathway = start();

    complete(pathway, Elements.CONSENT, InformedConsent.refused("Wants to think about it").submission());

    assertThat(pathway).isEnded().hasPassed(Elements.ASSISTANCE_REFUSED);
  }

  @Test
  void anIssuedRestrainingOrderWithoutItsDateIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pathway = start();
    complete(pathway, Elements.CONSENT, InformedConsent.given("cap-chisinau").submission());
    complete(pathway, Elements.RISK_ASSESSMENT, assessment(false, false, false, true, false));

    assertThatThrownBy(() -> complete(pathway, Elements.EMERGENCY_RESTRAINING_ORDER,
        Map.of(RESTRAINING_ORDER_OUTCOME.name(), "issued")))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("restrainingOrderIssuedOn: is required when the order was issued");
    assertThat(task(pathway, Elements.EMERGENCY_RESTRAINING_ORDER)).isNotNull();
  }

  @Test
  void everyStepHasItsDueDateFromTheSlaTable() {
    ProcessInstance pathway = start();

    assertThat(task(pathway, Elements.CONSENT).getDueDate()).isNotNull();
  }

  private Map<String, Object> assessment(boolean threatsToKill, boolean strangulationOrWeapon, boolean escalating,
      boolean wantsProtectionOrder, boolean agreesToGroup) {
    return Map.of(THREATS_TO_KILL.name(), threatsToKill, STRANGULATION_OR_WEAPON.name(), strangulationOrWeapon,
        VIOLENCE_ESCALATING.name(), escalating, WANTS_PROTECTION_ORDER.name(), wantsProtectionOrder,
        AGREES_TO_TAKE_PART.name(), agreesToGroup);
  }

  private Task calledServiceTask(ProcessInstance pathway) {
    ProcessInstance service = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pathway.getId())
        .singleResult();
    return engine.getTaskService().createTaskQuery().processInstanceId(service.getId()).singleResult();
  }

  private ProcessInstance start() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(RESPONSIBLE_TEAM.name(), TEAM);
    variables.put(LOCATION.name(), "moldova");
    variables.put(SEX.name(), "female");
    variables.put(MINOR.name(), false);
    variables.put(URGENCY.name(), "urgent");
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(DvPathwayProcess.KEY, caseCode, variables));
  }
}
