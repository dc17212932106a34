package md.nrs.referral.dependants;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/add-dependant.bpmn: a family member added to a case from Tasklist by the team responsible for
 * the case, or an NRS coordinator — the same dependant, and the same rule of who may, as
 * {@code POST /api/cases/{code}/dependants} ({@link DependantCases}). Business key: the dependant's own new case
 * code, once opened (Tasklist then shows it as it shows a registered referral's). The start form's personal fields
 * never become variables: they go to the vault under the dependant's code.
 */
@ProcessContract
public final class AddDependantProcess {

  public static final String KEY = "add-dependant";
  public static final String FORM_ADD_DEPENDANT = "add-dependant";

  public static final class Elements {
    public static final String FAMILY_MEMBER_NAMED = "StartEvent_FamilyMemberNamed";
    public static final String ADD_TO_CASE = "ServiceTask_AddDependantToCase";
    public static final String DEPENDANT_CASE_OPENED = "EndEvent_DependantCaseOpened";

    private Elements() {
    }
  }

  // The start form
  /** The case the dependant belongs to (the person's case). */
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** child or family-member, as {@link DependantRequest#relation()}. */
  public static final ProcessVariable<String> RELATION = ProcessVariable.text("relation");
  public static final ProcessVariable<String> AGE_BAND = ProcessVariable.text("ageBand");
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");
  public static final ProcessVariable<Boolean> IMMEDIATE_DANGER = ProcessVariable.flag("immediateDanger");
  /** The user who added the dependant (the start's initiator). */
  public static final ProcessVariable<String> ADDED_BY = ProcessVariable.text("addedBy");

  // The answer
  /** The dependant's own case, linked to {@link #CASE_CODE}. */
  public static final ProcessVariable<String> DEPENDANT_CASE_CODE = ProcessVariable.text("dependantCaseCode");

  private AddDependantProcess() {
  }
}
