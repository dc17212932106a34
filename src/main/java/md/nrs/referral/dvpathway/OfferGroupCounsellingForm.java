package md.nrs.referral.dvpathway;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The answer to the offer of a place in a victims' group of the counselling pilot. */
@FormContract(DvPathwayProcess.FORM_OFFER_GROUP)
public record OfferGroupCounsellingForm(
    @NotNull(message = "choose the outcome") @OneOf({"enrolled", "declined", "waiting-list"}) String groupOffer) {
}
