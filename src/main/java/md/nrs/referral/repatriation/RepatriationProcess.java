package md.nrs.referral.repatriation;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import java.time.LocalDate;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/repatriation.bpmn: the return home of a person who is abroad. IOM assesses
 * the risk and the wish to return, obtains the travel documents and arranges the travel; the receiving
 * team (and, for a child, the guardianship authority) is told, receives the person and hands over. A child travels
 * only with the guardianship authority's best-interests determination and an escort IOM confirms.
 * A person who does not want to return keeps the assistance abroad: it never depends on returning.
 *
 * <p>Called by the case process with {@link #CASE_CODE}, {@link #MINOR}, {@link #COUNTRY},
 * {@link #RESPONSIBLE_TEAM} and, for a child, {@link #GUARDIANSHIP_AUTHORITY_OF_CASE} and {@link #RETURN_DECISION}; gives back {@link #REPATRIATION_OUTCOME} and {@link #RETURNED_ON}.
 */
@ProcessContract
public final class RepatriationProcess {

  public static final String KEY = "repatriation";
  public static final String POLICY_DECISION = "repatriation-policy";

  /** The group of the guardianship authority told of every returning child, and present at its hand-over. */
  public static final String GUARDIANSHIP_AUTHORITY = "guardianship-chisinau";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_ASSESS_RETURN = "assess-return-risk";
  public static final String FORM_OBTAIN_TRAVEL_DOCUMENTS = "obtain-travel-documents";
  public static final String FORM_ARRANGE_TRAVEL = "arrange-repatriation-travel";
  public static final String FORM_REVIEW_DELAY = "review-delayed-repatriation";
  public static final String FORM_RECEIVE_AND_HAND_OVER = "receive-returned-person";
  public static final String FORM_CONFIRM_CHILD_ESCORT = "confirm-child-escort";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_RepatriationRequested";
    public static final String TIME_LIMITS = "BusinessRuleTask_RepatriationTimeLimits";
    public static final String ASSESS_RETURN = "UserTask_AssessReturn";
    public static final String RETURN_WANTED = "Gateway_ReturnWanted";
    public static final String TELL_CASE_TEAM_NO_RETURN = "ServiceTask_TellCaseTeamNoReturn";
    public static final String NOT_RETURNED = "EndEvent_NotReturned";
    public static final String OBTAIN_TRAVEL_DOCUMENTS = "UserTask_ObtainTravelDocuments";
    public static final String CHILD_TRAVELS = "Gateway_ChildTravels";
    public static final String BEST_INTERESTS_BEFORE_TRAVEL = "CallActivity_BestInterestsBeforeTravel";
    public static final String CONFIRM_CHILD_ESCORT = "UserTask_ConfirmChildEscort";
    public static final String ARRANGE_TRAVEL = "UserTask_ArrangeTravel";
    public static final String TRAVEL_NOT_ARRANGED = "BoundaryEvent_TravelNotArranged";
    public static final String REVIEW_DELAY = "UserTask_ReviewDelayedRepatriation";
    public static final String DELAY_REVIEWED = "EndEvent_DelayReviewed";
    public static final String NOTIFY_RECEIVING_TEAM = "ServiceTask_NotifyReceivingTeam";
    public static final String CHILD = "Gateway_Child";
    public static final String NOTIFY_GUARDIANSHIP_AUTHORITY = "ServiceTask_NotifyGuardianshipAuthority";
    public static final String RECEIVE_AND_HAND_OVER = "UserTask_ReceiveAndHandOver";
    public static final String RECORD_RETURN = "ServiceTask_RecordReturn";
    public static final String RETURNED = "EndEvent_Returned";

    private Elements() {
    }
  }

  // Given by the caller (the case process)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  /** The country where the person is, e.g. "Russian Federation". */
  public static final ProcessVariable<String> COUNTRY = ProcessVariable.text("country");
  /** Group id of the team that receives the person at home, e.g. mdt-chisinau. */
  public static final ProcessVariable<String> RESPONSIBLE_TEAM = ProcessVariable.text("responsibleTeam");
  /** For a child: the guardianship-&lt;district&gt; team of the case (child-protection), asked for the best interests. */
  public static final ProcessVariable<String> GUARDIANSHIP_AUTHORITY_OF_CASE = ProcessVariable.text("guardianshipAuthority");
  /**
   * For a child: the guardianship authority's best-interests decision on the return (agree, agree-with-conditions,
   * refuse), made in the case before the repatriation; when absent, the repatriation asks for it before the travel.
   */
  public static final ProcessVariable<String> RETURN_DECISION = ProcessVariable.text("returnDecision");

  // From the time limits table
  public static final ProcessVariable<String> TRAVEL_ARRANGEMENT_PERIOD = ProcessVariable.text("travelArrangementPeriod");

  // From the forms
  public static final ProcessVariable<String> RETURN_WANTED = ProcessVariable.text("returnWanted");
  public static final ProcessVariable<String> RISK_LEVEL = ProcessVariable.text("riskLevel");
  public static final ProcessVariable<Boolean> ESCORT_NEEDED = ProcessVariable.flag("escortNeeded");
  public static final ProcessVariable<String> RISK_NOTE = ProcessVariable.text("riskNote");
  public static final ProcessVariable<String> DOCUMENT_TYPE = ProcessVariable.text("documentType");
  public static final ProcessVariable<String> DOCUMENTS_READY_ON = ProcessVariable.text("documentsReadyOn");
  public static final ProcessVariable<LocalDate> TRAVEL_DATE = ProcessVariable.date("travelDate");
  public static final ProcessVariable<String> ARRIVAL_POINT = ProcessVariable.text("arrivalPoint");
  public static final ProcessVariable<String> OTHER_ARRIVAL_POINT = ProcessVariable.text("otherArrivalPoint");
  public static final ProcessVariable<String> ESCORT = ProcessVariable.text("escort");
  public static final ProcessVariable<String> CHILD_ESCORT = ProcessVariable.text("childEscortBy");
  public static final ProcessVariable<Boolean> CHILD_ESCORT_CONFIRMED = ProcessVariable.flag("childEscortConfirmed");
  public static final ProcessVariable<String> CHILD_ESCORT_NOTE = ProcessVariable.text("childEscortNote");
  public static final ProcessVariable<String> DELAY_CAUSE = ProcessVariable.text("delayCause");
  public static final ProcessVariable<String> DELAY_NOTE = ProcessVariable.text("delayNote");
  public static final ProcessVariable<String> RECEIVED_ON = ProcessVariable.text("receivedOn");
  public static final ProcessVariable<String> HANDED_OVER_TO = ProcessVariable.text("handedOverTo");
  public static final ProcessVariable<String> RECEPTION_NOTE = ProcessVariable.text("receptionNote");

  // Given back to the caller
  public static final ProcessVariable<String> REPATRIATION_OUTCOME = ProcessVariable.text("repatriationOutcome");
  public static final ProcessVariable<String> RETURNED_ON = ProcessVariable.text("returnedOn");

  /** Values of {@link #REPATRIATION_OUTCOME}. */
  public static final String OUTCOME_RETURNED = "returned";
  public static final String OUTCOME_NOT_RETURNED = "not-returned";

  private RepatriationProcess() {
  }
}
