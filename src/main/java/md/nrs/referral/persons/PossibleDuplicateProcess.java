package md.nrs.referral.persons;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/possible-duplicate.bpmn: one per pair of cases whose persons have the same
 * blind-index digest. The NRS coordinators decide whether it is the same person; the platform never
 * decides it. Case codes only: nothing personal is a variable here.
 */
@ProcessContract
public final class PossibleDuplicateProcess {

  public static final String KEY = "possible-duplicate";
  public static final String FORM_DECIDE = "decide-possible-duplicate";
  public static final String SAME_PERSON = "same-person";
  public static final String NOT_SAME = "not-same";

  public static final class Elements {
    public static final String FOUND = "StartEvent_PossibleDuplicateFound";
    public static final String DECIDE = "UserTask_DecidePossibleDuplicate";
    public static final String RECORD = "ServiceTask_RecordDuplicateDecision";
    public static final String SAME_PERSON_GATEWAY = "Gateway_SamePerson";
    public static final String CASES_LINKED = "EndEvent_CasesLinked";
    public static final String NOT_THE_SAME_PERSON = "EndEvent_NotTheSamePerson";

    private Elements() {
    }
  }

  /** The case whose person was just recorded (also the business key). */
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  /** The earlier case it may duplicate. */
  public static final ProcessVariable<String> DUPLICATE_OF = ProcessVariable.text("duplicateOfCaseCode");
  /** What matched: "name-birth", "document" or both, comma-separated (never the values). */
  public static final ProcessVariable<String> MATCHED_ON = ProcessVariable.text("matchedOn");
  /** The coordinator's decision: {@link #SAME_PERSON} or {@link #NOT_SAME}. */
  public static final ProcessVariable<String> DECISION = ProcessVariable.text("duplicateDecision");
  public static final ProcessVariable<String> DECISION_NOTE = ProcessVariable.text("duplicateNote");

  private PossibleDuplicateProcess() {
  }
}
