package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The best-interests determination refused the child's return to the family: the guardianship authority
 * places the child in Moldova (a shelter, a family-type home, foster care or a residential service).
 */
@FormContract(NrsCaseProcess.FORM_ARRANGE_ALTERNATIVE_PLACEMENT)
public record ArrangeAlternativePlacementForm(
    @NotNull(message = "choose one") @OneOf({"shelter", "family-type", "foster", "residential"}) String placementType,
    @Size(max = 1000, message = "at most 1000 characters") String placementNote) {
}
