package md.nrs.referral.crossborder;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The partner abroad accepts or declines the request (in Tasklist or by a signed callback); a decline says why. */
@FormContract(OutboundReferralProcess.FORM_PARTNER_ANSWER)
@RequiredWhen(field = "partnerNote", when = "partnerAnswer", is = "decline", message = "is required when you decline: say why")
public record AnswerPartnerRequestForm(
    @NotNull(message = "choose accept or decline") @OneOf({"accept", "decline"}) String partnerAnswer,
    @Size(max = 1000) String partnerNote) {
}
