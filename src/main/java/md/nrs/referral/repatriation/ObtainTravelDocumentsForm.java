package md.nrs.referral.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** IOM records which travel document the person travels with and when it was ready; never its number. */
@FormContract(RepatriationProcess.FORM_OBTAIN_TRAVEL_DOCUMENTS)
@RequiredWhen(field = "documentsReadyOn", when = "documentType", is = "passport",
    message = "is required: give the date the document was ready")
@RequiredWhen(field = "documentsReadyOn", when = "documentType", is = "consular-travel-document",
    message = "is required: give the date the document was ready")
public record ObtainTravelDocumentsForm(
    @NotNull(message = "choose the travel document") @OneOf({"passport", "consular-travel-document", "none-needed"})
    String documentType,
    @PastOrPresent(message = "cannot be in the future") LocalDate documentsReadyOn) {
}
