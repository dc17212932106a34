package md.nrs.referral.childprotection;

import static md.nrs.referral.childprotection.BestInterestsProcess.CASE_CODE;
import static md.nrs.referral.childprotection.BestInterestsProcess.DECISION;
import static md.nrs.referral.childprotection.BestInterestsProcess.GUARDIANSHIP_AUTHORITY;
import static md.nrs.referral.childprotection.BestInterestsProcess.LOCATION;
import static md.nrs.referral.childprotection.BestInterestsProcess.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.childprotection.BestInterestsProcess.Elements;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

@ProcessTest
class BestInterestsProcessTest extends CalledProcessTestSupport {

  @Test
  void theGuardianshipAuthorityOfTheCaseDecidesAndAnAgreementWithConditionsLetsTheStepHappen() {
    ProcessInstance determination = start(BestInterestsProcess.SUBJECT_RETURN);
    assertThat(task(determination)).hasCandidateGroup("guardianship-cahul");

    complete(determination, FormSubmission.of(new DetermineBestInterestsForm("traced-safe", "heard-agrees", "not-applicable",
        BestInterestsProcess.AGREE_WITH_CONDITIONS, "Weekly visits by the community social worker", null)));

    assertThat(determination).isEnded().hasPassed(Elements.STEP_AGREED)
        .variables().containsEntry(DECISION.name(), BestInterestsProcess.AGREE_WITH_CONDITIONS);
  }

  @Test
  void aRefusalEndsWithTheStepRefused() {
    ProcessInstance determination = start(BestInterestsProcess.SUBJECT_RETURN);

    complete(determination, FormSubmission.of(new DetermineBestInterestsForm("traced-not-safe", "heard-disagrees", null,
        BestInterestsProcess.REFUSE, null, "The family was involved in the recruitment")));

    assertThat(determination).isEnded().hasPassed(Elements.STEP_REFUSED).hasNotPassed(Elements.STEP_AGREED);
  }

  @Test
  void aRefusalWithoutItsReasonAndConditionsWithoutTheirTextAreRefused() {
    ProcessInstance determination = start(BestInterestsProcess.SUBJECT_CLOSURE);

    assertThatThrownBy(() -> complete(determination, FormSubmission.of(new DetermineBestInterestsForm("not-applicable",
        "too-young", null, BestInterestsProcess.REFUSE, null, null))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("bidRefusalReason");
    assertThatThrownBy(() -> complete(determination, FormSubmission.of(new DetermineBestInterestsForm("not-applicable",
        "too-young", null, BestInterestsProcess.AGREE_WITH_CONDITIONS, null, null))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("bidConditions");
    assertThat(determination).isWaitingAt(Elements.DETERMINE);
  }

  private ProcessInstance start(String subject) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(GUARDIANSHIP_AUTHORITY.name(), "guardianship-cahul");
    variables.put(LOCATION.name(), "moldova");
    variables.put(SUBJECT.name(), subject);
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(BestInterestsProcess.KEY, caseCode, variables));
  }
}
