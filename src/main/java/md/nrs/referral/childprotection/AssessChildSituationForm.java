package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The guardianship authority's immediate assessment of the child's situation (within 3 hours): whether the
 * child is with the family, separated or unaccompanied, the risk, and whether sexual violence is suspected
 * (then the case team arranges urgent medical care within 72 hours).
 */
@FormContract(ChildProtectionProcess.FORM_ASSESS_SITUATION)
public record AssessChildSituationForm(
    @NotNull(message = "choose the situation") @OneOf({"with-family", "separated", "unaccompanied"}) String childSituation,
    @NotNull(message = "choose the risk level") @OneOf({"low", "medium", "high"}) String childRisk,
    boolean sexualViolenceSuspected,
    @Size(max = 2000, message = "at most 2000 characters") String childAssessmentNote) {
}
