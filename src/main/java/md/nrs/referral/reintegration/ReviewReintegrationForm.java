package md.nrs.referral.reintegration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The responsible team closes the reintegration as completed or discontinued; discontinuing needs a reason. */
@FormContract(ReintegrationProcess.FORM_REVIEW)
@RequiredWhen(field = "reviewNote", when = "reintegrationOutcome", is = "discontinued",
    message = "is required when the reintegration is discontinued: say why")
public record ReviewReintegrationForm(
    @NotNull(message = "choose completed or discontinued") @OneOf({"completed", "discontinued"}) String reintegrationOutcome,
    @Size(max = 1000) String reviewNote) {
}
