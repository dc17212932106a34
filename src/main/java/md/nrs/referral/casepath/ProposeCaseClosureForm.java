package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The case team proposes closing the case, with the reason. */
@FormContract(NrsCaseProcess.FORM_PROPOSE_CLOSURE)
public record ProposeCaseClosureForm(
    @NotNull(message = "choose the reason") @OneOf({"goals-achieved", "declined-further-assistance", "moved-abroad",
        "lost-contact", "transferred-to-other-service", "other"}) String closureReason,
    @Size(max = 2000) String closureNote) {
}
