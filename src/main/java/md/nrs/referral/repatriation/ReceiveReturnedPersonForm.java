package md.nrs.referral.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The receiving team records the arrival and to whom the person was handed over; "other" needs a note. */
@FormContract(RepatriationProcess.FORM_RECEIVE_AND_HAND_OVER)
@RequiredWhen(field = "receptionNote", when = "handedOverTo", is = "other", message = "is required: say to whom")
public record ReceiveReturnedPersonForm(
    @NotNull(message = "give the date of arrival") @PastOrPresent(message = "cannot be in the future") LocalDate receivedOn,
    @NotNull(message = "choose to whom the person was handed over")
    @OneOf({"cap", "family", "guardianship-authority", "other"}) String handedOverTo,
    @Size(max = 1000) String receptionNote) {
}
