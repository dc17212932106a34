package md.nrs.referral.foreignvictims;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** Before the six months end: the stay right renewed (a new renewal timer), or no longer needed. */
@FormContract(ForeignVictimProcess.FORM_RENEW_STAY)
public record RenewProvisionalStayForm(
    @NotNull(message = "choose renewed or no-longer-needed") @OneOf({"renewed", "no-longer-needed"}) String renewalDecision,
    @Size(max = 1000) String stayNote) {
}
