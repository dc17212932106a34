package md.nrs.referral.shelter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The shelter is full: the coordinator checks the places again later, or ends with no place and says why. */
@FormContract(ShelterPlacementProcess.FORM_FIND_PLACE)
@RequiredWhen(field = "placeNote", when = "placeDecision", is = "no-place",
    message = "is required when there is no place: say what the person is offered instead")
public record FindShelterPlaceForm(
    @NotNull(message = "choose check again or no place") @OneOf({"recheck", "no-place"}) String placeDecision,
    @Size(max = 1000) String placeNote) {
}
