package md.nrs.referral.hotline;

import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/hotline-call.bpmn: one call to La Strada's hotline or to Interaction's trustline
 * (Transnistria region), recorded without the caller's name or contacts. The table
 * processes/hotline-call-classification.dmn makes it information, consultation or an SOS case; an SOS
 * case starts an NRS case and a call-back by the operator's agency. {@link #OPERATOR_AGENCY} and
 * {@link #CALL_TYPE} are what the call statistics count.
 */
@ProcessContract
public final class HotlineCallProcess {

  public static final String KEY = "hotline-call";
  public static final String CLASSIFICATION_DECISION = "hotline-call-classification";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_RECORD_CALL = "record-hotline-call";
  public static final String FORM_CALL_BACK = "hotline-call-back";

  /** The agencies that run a line, and the NRS case channel each line is. */
  public static final String LA_STRADA = "la-strada";
  public static final String INTERACTION = "interaction";
  public static final List<String> OPERATOR_AGENCIES = List.of(LA_STRADA, INTERACTION);

  public static final String CALL_TYPE_INFORMATION = "information";
  public static final String CALL_TYPE_CONSULTATION = "consultation";
  public static final String CALL_TYPE_SOS = "sos";
  public static final List<String> CALL_TYPES = List.of(CALL_TYPE_INFORMATION, CALL_TYPE_CONSULTATION, CALL_TYPE_SOS);

  /** Element ids in the model. */
  public static final class Elements {
    public static final String CALL_RECEIVED = "StartEvent_CallReceived";
    public static final String CLASSIFY_CALL = "BusinessRuleTask_ClassifyCall";
    public static final String SOS_CASE = "Gateway_SosCase";
    public static final String START_NRS_CASE = "ServiceTask_StartNrsCaseFromCall";
    public static final String CALL_BACK_NEEDED = "Gateway_CallBackNeeded";
    public static final String TO_CALL_BACK = "Gateway_ToCallBack";
    public static final String CALL_BACK = "UserTask_CallBack";
    public static final String CALL_FOLLOWED_UP = "EndEvent_CallFollowedUp";
    public static final String CALL_RECORDED = "EndEvent_CallRecorded";

    private Elements() {
    }
  }

  // The operator's line: derived from the operator's agency group (or given by a Java caller)
  public static final ProcessVariable<String> OPERATOR_AGENCY = ProcessVariable.text("operatorAgency");

  // Record the call (start form)
  public static final ProcessVariable<String> CALL_LANGUAGE = ProcessVariable.text("callLanguage");
  public static final ProcessVariable<String> CALLER_TYPE = ProcessVariable.text("callerType");
  public static final ProcessVariable<String> TOPIC = ProcessVariable.text("topic");
  public static final ProcessVariable<String> REGION = ProcessVariable.text("region");
  public static final ProcessVariable<Boolean> IMMEDIATE_DANGER = ProcessVariable.flag("immediateDanger");
  public static final ProcessVariable<Boolean> MINOR_INVOLVED = ProcessVariable.flag("minorInvolved");
  public static final ProcessVariable<Boolean> FOLLOW_UP_AGREED = ProcessVariable.flag("followUpAgreed");
  public static final ProcessVariable<String> CALL_SUMMARY = ProcessVariable.text("callSummary");

  // Classification (hotline-call-classification.dmn)
  public static final ProcessVariable<String> CALL_TYPE = ProcessVariable.text("callType");
  public static final ProcessVariable<Boolean> SOS = ProcessVariable.flag("sosCase");
  public static final ProcessVariable<String> CASE_CATEGORY = ProcessVariable.text("caseCategory");
  public static final ProcessVariable<Boolean> CALL_BACK_NEEDED = ProcessVariable.flag("callBackNeeded");
  public static final ProcessVariable<String> CALL_BACK_WITHIN = ProcessVariable.text("callBackWithin");

  // An SOS case: the code of the NRS case it started
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;

  // Call back (task form)
  public static final ProcessVariable<String> CALL_BACK_OUTCOME = ProcessVariable.text("callBackOutcome");
  public static final ProcessVariable<String> CALL_BACK_NOTE = ProcessVariable.text("callBackNote");

  /** The NRS case channel of an operator's line (RegisterReferralForm's choices). */
  public static String channelOf(String operatorAgency) {
    return switch (operatorAgency) {
      case LA_STRADA -> "hotline-la-strada";
      case INTERACTION -> "trustline-interaction";
      default -> throw new IllegalArgumentException("Not a hotline operator agency: " + operatorAgency);
    };
  }

  private HotlineCallProcess() {
  }
}
