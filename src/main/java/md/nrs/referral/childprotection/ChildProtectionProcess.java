package md.nrs.referral.childprotection;

import java.time.LocalDate;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/child-protection.bpmn: the guardianship authority's first steps for a child, or a
 * person presumed to be a child (age unknown or disputed): the immediate assessment, urgent medical care
 * where sexual violence is suspected, the age assessment, the legal representative (excluded when
 * suspected of involvement) and the child-friendly interview. Called by nrs-case; gives back {@link #MINOR} (false when the age assessment
 * found an adult), {@link #GUARDIANSHIP_AUTHORITY} and the representative's role. The representative's
 * name and contact are personal data: they go to the vault, never into these variables.
 */
@ProcessContract
public final class ChildProtectionProcess {

  public static final String KEY = "child-protection";

  public static final String FORM_ASSESS_SITUATION = "assess-child-situation";
  public static final String FORM_URGENT_MEDICAL_CARE = "urgent-medical-care";
  public static final String FORM_ASSESS_AGE = "assess-age";
  public static final String FORM_APPOINT_REPRESENTATIVE = "appoint-representative";
  public static final String FORM_CHILD_FRIENDLY_INTERVIEW = "child-friendly-interview";

  /** The age assessment's findings. */
  public static final String FOUND_CHILD = "child";
  public static final String FOUND_ADULT = "adult";
  /** The representative's role when the guardianship authority itself represents the child. */
  public static final String GUARDIANSHIP_AUTHORITY_REPRESENTS = "guardianship-authority";

  public static final class Elements {
    public static final String CHILD_REFERRED = "StartEvent_ChildReferred";
    public static final String FIND_GUARDIANSHIP_AUTHORITY = "ServiceTask_FindGuardianshipAuthority";
    public static final String ASSESS_SITUATION = "UserTask_AssessChildSituation";
    public static final String URGENT_MEDICAL_CARE = "UserTask_UrgentMedicalCare";
    public static final String ASSESS_AGE = "UserTask_AssessAge";
    public static final String RECORD_AGE_ASSESSMENT = "ServiceTask_RecordAgeAssessment";
    public static final String APPOINT_REPRESENTATIVE = "UserTask_AppointRepresentative";
    public static final String EXCLUDE_REPRESENTATIVE = "ServiceTask_ExcludeRepresentative";
    public static final String CHILD_FRIENDLY_INTERVIEW = "UserTask_ChildFriendlyInterview";
    public static final String SAFEGUARDS_IN_PLACE = "EndEvent_ChildSafeguardsInPlace";

    private Elements() {
    }
  }

  // From the case
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** True while the person is treated as a child; false once the age assessment found an adult. */
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<Boolean> AGE_ASSESSMENT_NEEDED = ProcessVariable.flag("ageAssessmentNeeded");
  /** The case team (territorial team, Interaction or IOM): its district's guardianship authority is asked. */
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");

  // Found by the platform
  /** The guardianship-&lt;district&gt; team of the directory: candidate group of this process's tasks. */
  public static final ProcessVariable<String> GUARDIANSHIP_AUTHORITY = ProcessVariable.text("guardianshipAuthority");

  // Immediate assessment (within 3 hours)
  public static final ProcessVariable<String> CHILD_SITUATION = ProcessVariable.text("childSituation");
  public static final ProcessVariable<String> CHILD_RISK = ProcessVariable.text("childRisk");
  public static final ProcessVariable<Boolean> SEXUAL_VIOLENCE_SUSPECTED = ProcessVariable.flag("sexualViolenceSuspected");
  public static final ProcessVariable<String> ASSESSMENT_NOTE = ProcessVariable.text("childAssessmentNote");

  // Urgent medical care (within 72 hours)
  public static final ProcessVariable<LocalDate> MEDICAL_CARE_ON = ProcessVariable.date("medicalCareOn");
  public static final ProcessVariable<String> MEDICAL_CARE_BY = ProcessVariable.text("medicalCareBy");

  // Age assessment
  public static final ProcessVariable<String> AGE_FOUND = ProcessVariable.text("ageFound");
  /** Who decided the age: the deciding authority is always recorded. */
  public static final ProcessVariable<String> AGE_DECIDED_BY = ProcessVariable.text("ageDecidedBy");
  public static final ProcessVariable<LocalDate> AGE_DECIDED_ON = ProcessVariable.date("ageDecidedOn");

  // Legal representative (role only; the person's details are in the vault)
  public static final ProcessVariable<String> REPRESENTATIVE_ROLE = ProcessVariable.text("representativeRole");
  public static final ProcessVariable<Boolean> REPRESENTATIVE_SUSPECTED = ProcessVariable.flag("representativeSuspected");
  public static final ProcessVariable<Boolean> REPRESENTATIVE_EXCLUDED = ProcessVariable.flag("representativeExcluded");

  // Child-friendly interview (within 72 hours): who (an account or team, never a name), trained, when, recorded
  public static final ProcessVariable<String> INTERVIEWED_BY = ProcessVariable.text("interviewedBy");
  public static final ProcessVariable<Boolean> INTERVIEWER_TRAINED = ProcessVariable.flag("interviewerTrained");
  public static final ProcessVariable<LocalDate> INTERVIEWED_ON = ProcessVariable.date("interviewedOn");
  public static final ProcessVariable<Boolean> INTERVIEW_RECORDED = ProcessVariable.flag("interviewRecorded");

  private ChildProtectionProcess() {
  }
}
