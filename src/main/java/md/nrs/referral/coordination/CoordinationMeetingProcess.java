package md.nrs.referral.coordination;

import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of processes/coordination-meeting.bpmn. A timer (nrs.coordination-meetings.cycle) starts one
 * meeting per configured district through the message {@link #MESSAGE_DISTRICT_MEETING_DUE}; each meeting
 * gets an agenda of case codes (time limits breached, safety incidents, failed steps), is recorded by the
 * NRS coordinators, and each action item becomes a task for the agency named, due on the agreed date.
 */
@ProcessContract
public final class CoordinationMeetingProcess {

  public static final String KEY = "coordination-meeting";
  public static final String MESSAGE_DISTRICT_MEETING_DUE = "CoordinationMeetingDue";

  /** Forms of this process (forms/*.form ids). */
  public static final String FORM_RECORD_MEETING = "record-coordination-meeting";
  public static final String FORM_ACTION_ITEM = "report-action-item";

  public static final String NRS_COORDINATORS = "nrs-coordinators";

  /** How many action item rows the meeting form offers (form-js rows, not a dynamic list: see the form's contract). */
  public static final int ACTION_ITEM_ROWS = 3;

  /** Element ids in the model. */
  public static final class Elements {
    public static final String MEETINGS_DUE = "StartEvent_MeetingsDue";
    public static final String START_DISTRICT_MEETINGS = "ServiceTask_StartDistrictMeetings";
    public static final String DISTRICT_MEETINGS_STARTED = "EndEvent_DistrictMeetingsStarted";
    public static final String DISTRICT_MEETING_DUE = "StartEvent_DistrictMeetingDue";
    public static final String BUILD_AGENDA = "ServiceTask_BuildMeetingAgenda";
    public static final String RECORD_MEETING = "UserTask_RecordMeeting";
    public static final String LIST_ACTION_ITEMS = "ServiceTask_ListActionItems";
    public static final String ACTION_ITEMS_AGREED = "Gateway_ActionItemsAgreed";
    public static final String ACTION_ITEM = "UserTask_ActionItem";
    public static final String ACTION_ITEMS_DONE = "EndEvent_ActionItemsDone";
    public static final String MEETING_RECORDED = "EndEvent_MeetingRecorded";

    private Elements() {
    }
  }

  // Given by the schedule
  public static final ProcessVariable<String> DISTRICT = ProcessVariable.text("district");
  /** The agenda covers events from this day (ISO date) on: the previous meeting's date by the schedule. */
  public static final ProcessVariable<LocalDate> AGENDA_SINCE = ProcessVariable.date("agendaSince");

  // The agenda (case codes only)
  public static final ProcessVariable<String> AGENDA = ProcessVariable.text("agenda");
  public static final ProcessVariable<List<String>> AGENDA_CASE_CODES = ProcessVariable.textList("agendaCaseCodes");
  public static final ProcessVariable<Integer> BREACHES_ON_AGENDA = ProcessVariable.number("breachesOnAgenda");
  public static final ProcessVariable<Integer> INCIDENTS_ON_AGENDA = ProcessVariable.number("incidentsOnAgenda");

  // The meeting (form)
  public static final ProcessVariable<String> MEETING_DATE = ProcessVariable.text("meetingDate");
  public static final ProcessVariable<List<String>> PARTICIPANTS = ProcessVariable.textList("participants");
  public static final ProcessVariable<String> DECISIONS = ProcessVariable.text("decisions");

  /** Row n of the action items on the meeting form (1-based). */
  public static ProcessVariable<String> actionItemAgency(int row) {
    return ProcessVariable.text("actionItem" + row + "Agency");
  }

  public static ProcessVariable<String> actionItemAction(int row) {
    return ProcessVariable.text("actionItem" + row + "Action");
  }

  public static ProcessVariable<LocalDate> actionItemDueOn(int row) {
    return ProcessVariable.date("actionItem" + row + "DueOn");
  }

  // The action items: the numbers of the rows filled in; one task each
  public static final ProcessVariable<List<String>> ACTION_ITEMS = ProcessVariable.textList("actionItems");
  public static final ProcessVariable<Boolean> ACTION_ITEMS_AGREED = ProcessVariable.flag("actionItemsAgreed");
  /** The row of the one action item (multi-instance element variable). */
  public static final ProcessVariable<String> ACTION_ITEM = ProcessVariable.text("actionItem");
  /** On each action item task (task-local): what to do and by whom. */
  public static final ProcessVariable<String> ACTION_TO_TAKE = ProcessVariable.text("actionToTake");
  public static final ProcessVariable<String> ACTION_AGENCY = ProcessVariable.text("actionAgency");

  // The action item's report (form)
  public static final ProcessVariable<String> ACTION_OUTCOME = ProcessVariable.text("actionOutcome");
  public static final ProcessVariable<String> ACTION_NOTE = ProcessVariable.text("actionNote");

  private CoordinationMeetingProcess() {
  }
}
