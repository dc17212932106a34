package md.nrs.referral.repatriation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * IOM confirms who escorts a returning child, agreed with the guardianship authority: a child never travels
 * without a confirmed escort, so the task cannot be completed without the confirmation.
 */
@FormContract(RepatriationProcess.FORM_CONFIRM_CHILD_ESCORT)
public record ConfirmChildEscortForm(
    @NotNull(message = "choose who escorts the child")
    @OneOf({"guardianship-authority", "iom-staff", "social-worker", "law-enforcement"}) String childEscortBy,
    @AssertTrue(message = "a child travels only with a confirmed escort") boolean childEscortConfirmed,
    @Size(max = 1000, message = "at most 1000 characters") String childEscortNote) {
}
