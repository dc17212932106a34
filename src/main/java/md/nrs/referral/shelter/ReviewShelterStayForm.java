package md.nrs.referral.shelter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** CAP reviews the stay: extend it by one extension period, or end it; either way with the reason. */
@FormContract(ShelterPlacementProcess.FORM_REVIEW_STAY)
public record ReviewShelterStayForm(
    @NotNull(message = "choose yes or no") @OneOf({"yes", "no"}) String extendStay,
    @NotBlank(message = "is required: say why") @Size(max = 1000) String reviewReason) {
}
