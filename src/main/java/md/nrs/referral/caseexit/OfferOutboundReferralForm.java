package md.nrs.referral.caseexit;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The team says what came of offering a person who moved abroad a referral to a partner there. */
@FormContract(CaseExitProcess.FORM_OFFER_OUTBOUND_REFERRAL)
public record OfferOutboundReferralForm(
    @NotNull(message = "say what came of the offer") @OneOf({"requested", "declined-by-person", "no-partner"})
    String outboundReferral) {
}
