package md.nrs.referral.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The NRS coordinator notes why the travel is late and what was agreed with IOM. */
@FormContract(RepatriationProcess.FORM_REVIEW_DELAY)
@RequiredWhen(field = "delayNote", when = "delayCause", is = "other", message = "is required: say what delays the travel")
public record ReviewDelayedRepatriationForm(
    @NotNull(message = "choose the cause of the delay")
    @OneOf({"documents-pending", "travel-not-possible", "person-not-ready", "escort-not-available", "other"})
    String delayCause,
    @Size(max = 1000) String delayNote) {
}
