package md.nrs.referral.shelter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.ShownFromProcess;

/**
 * CAP records the end of the stay: the day and the reason. The form shows the placement date read-only
 * ({@code placedOn}), so the discharge date can be checked against it wherever the form is submitted.
 */
@FormContract(ShelterPlacementProcess.FORM_DISCHARGE)
@NotBeforePlacement
public record DischargeFromShelterForm(
    @ShownFromProcess LocalDate placedOn,
    @NotNull(message = "give the date of the discharge") @PastOrPresent(message = "cannot be in the future")
    LocalDate dischargedOn,
    @NotNull(message = "choose the reason")
    @OneOf({"recovered", "moved-to-family", "moved-to-other-accommodation", "left-voluntarily", "maximum-stay-reached"})
    String dischargeReason,
    @Size(max = 1000) String dischargeNote) {
}
