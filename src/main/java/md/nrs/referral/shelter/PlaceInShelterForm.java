package md.nrs.referral.shelter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;

/** CAP records the day the person moved in; the reflection period runs from the placement. */
@FormContract(ShelterPlacementProcess.FORM_PLACE)
public record PlaceInShelterForm(
    @NotNull(message = "give the date of the placement") @PastOrPresent(message = "cannot be in the future")
    LocalDate placedOn) {
}
