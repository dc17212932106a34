package md.nrs.referral.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** IOM records the travel: the date, where the person arrives in Moldova, and who escorts the person. */
@FormContract(RepatriationProcess.FORM_ARRANGE_TRAVEL)
@RequiredWhen(field = "otherArrivalPoint", when = "arrivalPoint", is = "other", message = "is required: say where")
public record ArrangeTravelForm(
    @NotNull(message = "give the travel date") LocalDate travelDate,
    @NotNull(message = "choose the arrival point")
    @OneOf({"chisinau-airport", "leuseni", "palanca", "other"}) String arrivalPoint,
    @Size(max = 200) String otherArrivalPoint,
    @NotNull(message = "choose the escort, or none") @OneOf({"none", "iom-staff", "social-worker", "law-enforcement", "other"})
    String escort) {
}
