package md.nrs.referral.custody;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The receiving team takes the case over, or declines with a reason code (no free text). */
@FormContract(CaseTransferProcess.FORM_ACCEPT_TRANSFER)
@RequiredWhen(field = "declineReason", when = "transferDecision", is = "decline", message = "is required when you decline: say why")
public record AcceptCaseTransferForm(
    @NotNull(message = "choose accept or decline") @OneOf({"accept", "decline"}) String transferDecision,
    @OneOf({"not-our-district", "no-capacity", "service-not-offered"}) String declineReason) {
}
