package md.nrs.referral.assistance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The provider reports what was delivered, and when. The note must not name or locate the person. */
@FormContract(AssistanceServiceProcess.FORM_REPORT_OUTCOME)
public record ReportServiceOutcomeForm(
    @NotNull(message = "choose the outcome") @OneOf({"delivered", "partially-delivered", "not-delivered"}) String serviceOutcome,
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate deliveredOn,
    @Size(max = 1000) String outcomeNote) {
}
