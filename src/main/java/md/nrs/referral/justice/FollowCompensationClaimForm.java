package md.nrs.referral.justice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** Where the compensation claim stands: still pending (asked again later), paid, or refused (say why). */
@FormContract(CriminalJusticeProcess.FORM_FOLLOW_COMPENSATION)
@RequiredWhen(field = "compensationNote", when = "compensationStatus", is = "refused", message = "is required when refused: say why")
public record FollowCompensationClaimForm(
    @NotNull(message = "choose pending, paid or refused") @OneOf({"pending", "paid", "refused"}) String compensationStatus,
    @Size(max = 1000) String compensationNote) {
}
