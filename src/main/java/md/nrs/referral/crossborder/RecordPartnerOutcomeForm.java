package md.nrs.referral.crossborder;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The partner abroad says what it did after accepting (Tasklist or signed callback); "not reached" says why. */
@FormContract(OutboundReferralProcess.FORM_PARTNER_OUTCOME)
@RequiredWhen(field = "whatWasDoneNote", when = "partnerOutcome", is = "not-reached",
    message = "is required when the person was not reached: say what was tried")
public record RecordPartnerOutcomeForm(
    @NotNull(message = "choose assisted, return-organised or not-reached")
    @OneOf({"assisted", "return-organised", "not-reached"}) String partnerOutcome,
    @Size(max = 1000) String whatWasDoneNote) {
}
