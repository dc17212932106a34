package md.nrs.referral.shelter;

import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessVariable;
import java.time.LocalDate;
import md.nrs.referral.engine.ProcessContract;

/**
 * Contract of processes/shelter-placement.bpmn: a stay at the Centre for Assistance and Protection (CAP),
 * Chisinau. The free places are checked; without one the NRS coordinator checks again or ends with no
 * place. CAP places the person; after the reflection (recovery) period CAP reviews the stay and may extend
 * it, one extension period at a time, within the maximum stay; then CAP discharges the person. A person
 * may leave at any time: the message {@link #MESSAGE_LEFT_EARLY} ends the stay and leads to the discharge.
 *
 * <p>Called by the case process with {@link #CASE_CODE}, {@link #MINOR}, {@link #SEX} and {@link #REGION};
 * gives back {@link #SHELTER_OUTCOME} and {@link #DISCHARGED_ON}.
 */
@ProcessContract
public final class ShelterPlacementProcess {

  public static final String KEY = "shelter-placement";
  public static final String POLICY_DECISION = "shelter-stay-policy";

  /** The shelter: the Centre for Assistance and Protection, Chisinau (its group id). */
  public static final String SHELTER = "cap-chisinau";

  /** Ends a stay early (the person left, or moved on before the review): correlate by the case code as business key. */
  public static final String MESSAGE_LEFT_EARLY = "ShelterLeftEarly";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_FIND_PLACE = "find-shelter-place";
  public static final String FORM_PLACE = "place-in-shelter";
  public static final String FORM_REVIEW_STAY = "review-shelter-stay";
  public static final String FORM_DISCHARGE = "discharge-from-shelter";

  /** Element ids in the model. */
  public static final class Elements {
    public static final String START = "StartEvent_ShelterRequested";
    public static final String STAY_LIMITS = "BusinessRuleTask_ShelterStayLimits";
    public static final String CHECK_CAPACITY = "ServiceTask_CheckShelterCapacity";
    public static final String PLACE_AVAILABLE = "Gateway_PlaceAvailable";
    public static final String FIND_PLACE = "UserTask_FindShelterPlace";
    public static final String PLACE_DECISION = "Gateway_PlaceDecision";
    public static final String RECORD_NO_PLACE = "ServiceTask_RecordNoPlace";
    public static final String NO_PLACE = "EndEvent_NoPlace";
    public static final String PLACE = "UserTask_PlaceInShelter";
    public static final String TAKE_PLACE = "ServiceTask_TakeShelterPlace";
    public static final String STAY = "SubProcess_ShelterStay";
    public static final String REFLECTION_PERIOD_OVER = "TimerEvent_ReflectionPeriodOver";
    public static final String REVIEW_STAY = "UserTask_ReviewStay";
    public static final String EXTEND_STAY = "Gateway_ExtendStay";
    public static final String CHECK_EXTENSION = "ServiceTask_CheckStayExtension";
    public static final String WITHIN_MAXIMUM_STAY = "Gateway_WithinMaximumStay";
    public static final String EXTENSION_OVER = "TimerEvent_ExtensionOver";
    public static final String STAY_OVER = "EndEvent_StayOver";
    public static final String LEFT_EARLY = "BoundaryEvent_LeftEarly";
    public static final String DISCHARGE = "UserTask_DischargeFromShelter";
    public static final String FREE_PLACE = "ServiceTask_FreeShelterPlace";
    public static final String DISCHARGED = "EndEvent_Discharged";

    private Elements() {
    }
  }

  // Given by the caller (the case process)
  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");
  public static final ProcessVariable<String> REGION = ProcessVariable.text("region");

  // From the stay time limits table
  public static final ProcessVariable<String> REFLECTION_PERIOD = ProcessVariable.text("reflectionPeriod");
  public static final ProcessVariable<String> EXTENSION_PERIOD = ProcessVariable.text("extensionPeriod");
  public static final ProcessVariable<Integer> MAXIMUM_STAY_DAYS = ProcessVariable.number("maximumStayDays");

  // Kept by the process
  public static final ProcessVariable<Boolean> PLACE_AVAILABLE = ProcessVariable.flag("placeAvailable");
  public static final ProcessVariable<Integer> FREE_PLACES = ProcessVariable.number("freeShelterPlaces");
  /** True while the person holds a place: the shelter's occupancy counts the running placements that say so. */
  public static final ProcessVariable<Boolean> PLACED_IN_SHELTER = ProcessVariable.flag("placedInShelter");
  public static final ProcessVariable<Integer> STAY_EXTENSIONS = ProcessVariable.number("stayExtensions");
  public static final ProcessVariable<Boolean> CAN_EXTEND = ProcessVariable.flag("canExtend");
  /** The planned last day of the stay (ISO date), moved on by each granted extension. */
  public static final ProcessVariable<LocalDate> STAY_ENDS_ON = ProcessVariable.date("stayEndsOn");

  // From the forms
  public static final ProcessVariable<String> PLACE_DECISION = ProcessVariable.text("placeDecision");
  public static final ProcessVariable<String> PLACE_NOTE = ProcessVariable.text("placeNote");
  public static final ProcessVariable<LocalDate> PLACED_ON = ProcessVariable.date("placedOn");
  public static final ProcessVariable<String> EXTEND_STAY = ProcessVariable.text("extendStay");
  public static final ProcessVariable<String> REVIEW_REASON = ProcessVariable.text("reviewReason");
  public static final ProcessVariable<String> DISCHARGE_REASON = ProcessVariable.text("dischargeReason");
  public static final ProcessVariable<String> DISCHARGE_NOTE = ProcessVariable.text("dischargeNote");

  // Given back to the caller
  public static final ProcessVariable<String> SHELTER_OUTCOME = ProcessVariable.text("shelterOutcome");
  public static final ProcessVariable<String> DISCHARGED_ON = ProcessVariable.text("dischargedOn");

  /** Values of {@link #SHELTER_OUTCOME}. */
  public static final String OUTCOME_DISCHARGED = "discharged";
  public static final String OUTCOME_NO_PLACE = "no-place";

  private ShelterPlacementProcess() {
  }
}
