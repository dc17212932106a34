package md.nrs.referral.dvpilot;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;

/** Attendance at one session of the cycle, and whether the participant has left the programme. */
@FormContract(DvGroupCounsellingProcess.FORM_ATTENDANCE)
public record RecordAttendanceForm(
    @NotNull(message = "say whether the participant attended") Boolean attended,
    @NotNull(message = "say whether the participant has left the programme") Boolean leftProgramme) {
}
