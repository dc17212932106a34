package md.nrs.referral.childprotection;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/best-interests-determination.bpmn: the guardianship authority decides whether a
 * step (the child's return to the family, the closure of the case) is in the child's best interests:
 * {@link #AGREE}, {@link #AGREE_WITH_CONDITIONS} or {@link #REFUSE} with a reason. nrs-case reads the
 * decision to let the step happen or not.
 */
@ProcessContract
public final class BestInterestsProcess {

  public static final String KEY = "best-interests-determination";
  public static final String FORM_DETERMINE = "determine-best-interests";

  public static final String AGREE = "agree";
  public static final String AGREE_WITH_CONDITIONS = "agree-with-conditions";
  public static final String REFUSE = "refuse";

  /** What is decided ({@link #SUBJECT}). */
  public static final String SUBJECT_RETURN = "return";
  public static final String SUBJECT_CLOSURE = "closure";

  public static final class Elements {
    public static final String ASKED = "StartEvent_BestInterestsAsked";
    public static final String DETERMINE = "UserTask_DetermineBestInterests";
    public static final String STEP_AGREED = "EndEvent_StepAgreed";
    public static final String STEP_REFUSED = "EndEvent_StepRefused";

    private Elements() {
    }
  }

  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> GUARDIANSHIP_AUTHORITY = ProcessVariable.text("guardianshipAuthority");
  /** Where the child is (moldova, transnistria, abroad): a child abroad needs an escort to return. */
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");
  public static final ProcessVariable<String> SUBJECT = ProcessVariable.text("bidSubject");

  // The determination
  public static final ProcessVariable<String> FAMILY_ASSESSMENT = ProcessVariable.text("familyAssessment");
  public static final ProcessVariable<String> CHILD_VIEWS = ProcessVariable.text("childViews");
  public static final ProcessVariable<String> ESCORT = ProcessVariable.text("bidEscort");
  public static final ProcessVariable<String> DECISION = ProcessVariable.text("bidDecision");
  public static final ProcessVariable<String> CONDITIONS = ProcessVariable.text("bidConditions");
  public static final ProcessVariable<String> REFUSAL_REASON = ProcessVariable.text("bidRefusalReason");

  private BestInterestsProcess() {
  }
}
