package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The guardianship authority's best-interests determination: the family traced and assessed, the child's
 * views heard as the child's age allows, the escort of a child abroad, and the decision. Conditions and a
 * refusal each need their text.
 */
@FormContract(BestInterestsProcess.FORM_DETERMINE)
@RequiredWhen(field = "bidConditions", when = "bidDecision", is = BestInterestsProcess.AGREE_WITH_CONDITIONS,
    message = "is required when agreeing with conditions")
@RequiredWhen(field = "bidRefusalReason", when = "bidDecision", is = BestInterestsProcess.REFUSE,
    message = "is required when refusing")
public record DetermineBestInterestsForm(
    @NotNull(message = "choose one") @OneOf({"traced-safe", "traced-not-safe", "not-traced", "not-applicable"})
    String familyAssessment,
    @NotNull(message = "choose one") @OneOf({"heard-agrees", "heard-disagrees", "too-young"}) String childViews,
    @OneOf({"guardianship-authority", "iom-staff", "social-worker", "not-applicable"}) String bidEscort,
    @NotNull(message = "choose one") @OneOf({BestInterestsProcess.AGREE, BestInterestsProcess.AGREE_WITH_CONDITIONS,
        BestInterestsProcess.REFUSE}) String bidDecision,
    @Size(max = 1000, message = "at most 1000 characters") String bidConditions,
    @Size(max = 1000, message = "at most 1000 characters") String bidRefusalReason) {
}
