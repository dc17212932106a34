package md.nrs.referral.childprotection;

import static md.nrs.referral.childprotection.ChildProtectionProcess.AGE_ASSESSMENT_NEEDED;
import static md.nrs.referral.childprotection.ChildProtectionProcess.AGE_DECIDED_BY;
import static md.nrs.referral.childprotection.ChildProtectionProcess.CASE_CODE;
import static md.nrs.referral.childprotection.ChildProtectionProcess.GUARDIANSHIP_AUTHORITY;
import static md.nrs.referral.childprotection.ChildProtectionProcess.INTERVIEWED_BY;
import static md.nrs.referral.childprotection.ChildProtectionProcess.INTERVIEWED_ON;
import static md.nrs.referral.childprotection.ChildProtectionProcess.INTERVIEWER_TRAINED;
import static md.nrs.referral.childprotection.ChildProtectionProcess.INTERVIEW_RECORDED;
import static md.nrs.referral.childprotection.ChildProtectionProcess.MINOR;
import static md.nrs.referral.childprotection.ChildProtectionProcess.REPRESENTATIVE_EXCLUDED;
import static md.nrs.referral.childprotection.ChildProtectionProcess.REPRESENTATIVE_ROLE;
import static md.nrs.referral.childprotection.ChildProtectionProcess.RESPONSIBLE_TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.childprotection.ChildProtectionProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.Failures;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

@ProcessTest
class ChildProtectionProcessTest extends CalledProcessTestSupport {

  @Test
  void theGuardianshipAuthorityOfTheTeamsDistrictAssessesTheChildWithinThreeHours() {
    ProcessInstance child = start(false, "mdt-balti");

    assertThat(child).isWaitingAt(Elements.ASSESS_SITUATION).variables().containsEntry(GUARDIANSHIP_AUTHORITY.name(),
        "guardianship-balti");
    Task assessment = task(child);
    assertThat(assessment).hasCandidateGroup("guardianship-balti");
    assertThat(Duration.between(assessment.getCreateTime().toInstant(), assessment.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aTeamWithoutADistrictFallsBackToTheConfiguredGuardianshipAuthority() {
    ProcessInstance child = start(false, "iom");

    assertThat(task(child)).hasCandidateGroup("guardianship-chisinau");
  }

  @Test
  void aChildWhoseAgeIsKnownGetsARepresentativeAndKeepsBeingAChild() {
    ProcessInstance child = start(false, "mdt-chisinau");
    complete(child, FormSubmission.of(new AssessChildSituationForm("with-family", "low", false, null)));

    assertThat(child).isWaitingAt(Elements.APPOINT_REPRESENTATIVE).hasNotPassed(Elements.ASSESS_AGE);
    complete(child, FormSubmission.of(new AppointRepresentativeForm("parent", false)));
    complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));

    assertThat(child).isEnded().hasPassed(Elements.SAFEGUARDS_IN_PLACE).hasNotPassed(Elements.EXCLUDE_REPRESENTATIVE)
        .variables().containsEntry(MINOR.name(), true).containsEntry(REPRESENTATIVE_ROLE.name(), "parent");
  }

  @Test
  void aRepresentativeSuspectedOfInvolvementIsExcludedAndTheGuardianshipAuthorityRepresentsTheChild() {
    ProcessInstance child = start(false, "mdt-chisinau");
    complete(child, FormSubmission.of(new AssessChildSituationForm("with-family", "high", false, null)));

    complete(child, FormSubmission.of(new AppointRepresentativeForm("parent", true)));
    complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));

    assertThat(child).isEnded().hasPassed(Elements.EXCLUDE_REPRESENTATIVE).variables()
        .containsEntry(REPRESENTATIVE_EXCLUDED.name(), true)
        .containsEntry(REPRESENTATIVE_ROLE.name(), ChildProtectionProcess.GUARDIANSHIP_AUTHORITY_REPRESENTS);
  }

  @Test
  void suspectedSexualViolenceAsksTheCaseTeamForUrgentMedicalCareWithinSeventyTwoHoursBesideTheRepresentative() {
    ProcessInstance child = start(false, "mdt-chisinau");

    complete(child, FormSubmission.of(new AssessChildSituationForm("separated", "high", true, null)));

    assertThat(child).isWaitingAt(Elements.URGENT_MEDICAL_CARE, Elements.APPOINT_REPRESENTATIVE);
    Task care = task(child, Elements.URGENT_MEDICAL_CARE);
    assertThat(care).hasCandidateGroup("mdt-chisinau");
    assertThat(Duration.between(care.getCreateTime().toInstant(), care.getDueDate().toInstant())).isEqualTo(Duration.ofHours(72));
    complete(child, Elements.URGENT_MEDICAL_CARE, FormSubmission.of(new UrgentMedicalCareForm(LocalDate.now(PlatformClock.zone()), "hospital")));
    complete(child, Elements.APPOINT_REPRESENTATIVE, FormSubmission.of(new AppointRepresentativeForm("relative", false)));
    complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));
    assertThat(child).isEnded().hasPassed(Elements.URGENT_MEDICAL_CARE, Elements.SAFEGUARDS_IN_PLACE);
  }

  @Test
  void aPresumedChildFoundToBeAChildByTheAgeAssessmentGetsARepresentative() {
    ProcessInstance presumed = start(true, "mdt-chisinau");
    complete(presumed, FormSubmission.of(new AssessChildSituationForm("unaccompanied", "high", false, null)));

    assertThat(presumed).isWaitingAt(Elements.ASSESS_AGE);
    assertThat(task(presumed)).hasCandidateGroup("guardianship-chisinau");
    complete(presumed, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_CHILD, "forensic-medical-examiner",
        LocalDate.now(PlatformClock.zone()))));

    assertThat(presumed).isWaitingAt(Elements.APPOINT_REPRESENTATIVE).variables().containsEntry(MINOR.name(), true)
        .containsEntry(AGE_DECIDED_BY.name(), "forensic-medical-examiner");
  }

  @Test
  void aPresumedChildFoundToBeAnAdultLeavesWithoutARepresentativeAndIsNoLongerAMinor() {
    ProcessInstance presumed = start(true, "mdt-chisinau");
    complete(presumed, FormSubmission.of(new AssessChildSituationForm("unaccompanied", "low", false, null)));

    complete(presumed, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_ADULT, "civil-registry",
        LocalDate.now(PlatformClock.zone()))));

    assertThat(presumed).isEnded().hasPassed(Elements.RECORD_AGE_ASSESSMENT, Elements.SAFEGUARDS_IN_PLACE)
        .hasNotPassed(Elements.APPOINT_REPRESENTATIVE)
        .variables().containsEntry(MINOR.name(), false).containsEntry(AGE_DECIDED_BY.name(), "civil-registry");
  }

  @Test
  void anAgeAssessmentWithoutTheDecidingAuthorityIsRefused() {
    ProcessInstance presumed = start(true, "mdt-chisinau");
    complete(presumed, FormSubmission.of(new AssessChildSituationForm("unaccompanied", "low", false, null)));

    assertThatThrownBy(() -> complete(presumed, FormSubmission.of(new AssessAgeForm(ChildProtectionProcess.FOUND_ADULT,
        null, LocalDate.now(PlatformClock.zone())))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("ageDecidedBy");
    assertThat(presumed).isWaitingAt(Elements.ASSESS_AGE);
  }

  @Test
  void aChildIsInterviewedOnceByATrainedPersonOfTheCaseTeamWithinSeventyTwoHoursAfterTheRepresentative() {
    ProcessInstance child = start(false, "mdt-balti");
    complete(child, FormSubmission.of(new AssessChildSituationForm("with-family", "low", false, null)));
    complete(child, FormSubmission.of(new AppointRepresentativeForm("parent", false)));

    assertThat(child).isWaitingAt(Elements.CHILD_FRIENDLY_INTERVIEW);
    Task interview = task(child);
    assertThat(interview).hasCandidateGroup("mdt-balti");
    assertThat(Duration.between(interview.getCreateTime().toInstant(), interview.getDueDate().toInstant()))
        .isEqualTo(Duration.ofHours(72));
    complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("mdt-balti", true, LocalDate.now(PlatformClock.zone()), true)));

    assertThat(child).isEnded().hasPassed(Elements.CHILD_FRIENDLY_INTERVIEW, Elements.SAFEGUARDS_IN_PLACE).variables()
        .containsEntry(INTERVIEWED_BY.name(), "mdt-balti").containsEntry(INTERVIEWER_TRAINED.name(), true)
        .containsEntry(INTERVIEW_RECORDED.name(), true).containsKey(INTERVIEWED_ON.name());
  }

  @Test
  void anInterviewByAnUntrainedPersonIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
    ProcessInstance child = start(false, "mdt-chisinau");
    complete(child, FormSubmission.of(new AssessChildSituationForm("with-family", "low", false, null)));
    complete(child, FormSubmission.of(new AppointRepresentativeForm("parent", false)));

    assertThatThrownBy(() -> complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", false,
        LocalDate.now(PlatformClock.zone()), false))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("interviewerTrained");
    assertThat(child).isWaitingAt(Elements.CHILD_FRIENDLY_INTERVIEW).variables().doesNotContainKey(INTERVIEWED_BY.name());
  }

  @Test
  void theInterviewerIsAnAccountOrTeamNeverAName() {
    ProcessInstance child = start(false, "mdt-chisinau");
    complete(child, FormSubmission.of(new AssessChildSituationForm("with-family", "low", false, null)));
    complete(child, FormSubmission.of(new AppointRepresentativeForm("parent", false)));

    assertThatThrownBy(() -> complete(child, FormSubmission.of(new ChildFriendlyInterviewForm("Maria Popescu", true,
        LocalDate.now(PlatformClock.zone()), false))))
        .satisfies(e -> assertThat(Failures.rootCause(e)).isInstanceOf(InvalidFormException.class))
        .hasMessageContaining("interviewedBy");
    assertThat(child).isWaitingAt(Elements.CHILD_FRIENDLY_INTERVIEW);
  }

  private ProcessInstance start(boolean ageAssessmentNeeded, String responsibleTeam) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_CODE.name(), caseCode);
    variables.put(MINOR.name(), true);
    variables.put(AGE_ASSESSMENT_NEEDED.name(), ageAssessmentNeeded);
    variables.put(RESPONSIBLE_TEAM.name(), responsibleTeam);
    return PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey(ChildProtectionProcess.KEY, caseCode, variables));
  }
}
