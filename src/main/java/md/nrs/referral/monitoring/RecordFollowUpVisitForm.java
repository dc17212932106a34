package md.nrs.referral.monitoring;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** One follow-up visit: when, how the person's situation is, and whether a new risk was found (then what). */
@FormContract(MonitoringProcess.FORM_FOLLOW_UP_VISIT)
@RequiredWhen(field = "newRiskNote", when = "newRisk", is = "true",
    message = "is required when a new risk was found: describe the risk")
public record RecordFollowUpVisitForm(
    @NotNull(message = "give the date of the visit") @PastOrPresent(message = "cannot be in the future") LocalDate visitedOn,
    @NotNull(message = "choose the situation") @OneOf({"stable", "improving", "worsening"}) String situation,
    @NotNull(message = "say whether a new risk was found") Boolean newRisk,
    @Size(max = 1000) String newRiskNote) {
}
