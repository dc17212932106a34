package md.nrs.referral.crossborder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The partner did not answer in time or declined: the coordinator chases it (a new deadline), names
 * another partner abroad (consent is checked again), or withdraws the request with a note.
 */
@FormContract(OutboundReferralProcess.FORM_FOLLOW_UP)
@RequiredWhen(field = "coordinatorNote", when = "coordinatorDecision", is = "withdraw", message = "is required to withdraw: say why")
public record FollowUpPartnerRequestForm(
    @NotNull(message = "choose chase, another partner or withdraw") @OneOf({"chase", "other-partner", "withdraw"})
    String coordinatorDecision,
    @NotBlank(message = "choose the partner abroad") @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]",
        message = "is an agency id of the directory") String partnerAgency,
    @Size(max = 1000) String coordinatorNote) {
}
