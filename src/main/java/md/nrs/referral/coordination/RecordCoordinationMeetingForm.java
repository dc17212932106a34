package md.nrs.referral.coordination;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.agencies.DirectoryChoice;
import md.nrs.referral.forms.FormContract;

/**
 * The meeting as recorded by the NRS coordinators: when, which agencies took part, what was decided (by
 * case code, never by name) and up to three action items. Fixed rows rather than a form-js dynamic list:
 * Tasklist would submit a list of objects as one JSON variable, which neither gateways nor this
 * validation read field by field.
 */
@FormContract(CoordinationMeetingProcess.FORM_RECORD_MEETING)
@ActionItemRowsComplete
public record RecordCoordinationMeetingForm(
    @NotNull(message = "give the date of the meeting") @PastOrPresent(message = "cannot be in the future") LocalDate meetingDate,
    @NotEmpty(message = "tick the agencies that took part") List<@DirectoryChoice(DirectoryChoice.MEETING_PARTIES) String> participants,
    @NotBlank(message = "record what was decided") @Size(max = 4000, message = "at most 4000 characters") String decisions,
    @DirectoryChoice(DirectoryChoice.MEETING_PARTIES) String actionItem1Agency,
    @Size(max = 300, message = "at most 300 characters") String actionItem1Action,
    @FutureOrPresent(message = "cannot be in the past") LocalDate actionItem1DueOn,
    @DirectoryChoice(DirectoryChoice.MEETING_PARTIES) String actionItem2Agency,
    @Size(max = 300, message = "at most 300 characters") String actionItem2Action,
    @FutureOrPresent(message = "cannot be in the past") LocalDate actionItem2DueOn,
    @DirectoryChoice(DirectoryChoice.MEETING_PARTIES) String actionItem3Agency,
    @Size(max = 300, message = "at most 300 characters") String actionItem3Action,
    @FutureOrPresent(message = "cannot be in the past") LocalDate actionItem3DueOn) {
}
