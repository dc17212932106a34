package md.nrs.referral.justice;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * One round of support in the criminal proceedings: legal representation and protection measures as they stand,
 * then either the next hearing (a date not in the past) or the outcome with any compensation claimed.
 */
@FormContract(CriminalJusticeProcess.FORM_SUPPORT_PROCEEDINGS)
@RequiredWhen(field = "hearingDate", when = "proceedingsNext", is = "hearing", message = "is required: the date of the next hearing")
@RequiredWhen(field = "proceedingsOutcome", when = "proceedingsNext", is = "outcome", message = "is required: how the proceedings ended")
@RequiredWhen(field = "compensationClaimed", when = "proceedingsNext", is = "outcome", message = "is required: which compensation is claimed, or none")
public record SupportProceedingsForm(
    Boolean lawyerAssigned,
    Boolean legalAid,
    Boolean protectionRequested,
    Boolean protectionGranted,
    @NotNull(message = "choose a hearing or the outcome") @OneOf({"hearing", "outcome"}) String proceedingsNext,
    @FutureOrPresent(message = "cannot be in the past") LocalDate hearingDate,
    @OneOf({"conviction", "acquittal", "discontinued"}) String proceedingsOutcome,
    @OneOf({"none", "offender", "state", "offender-and-state"}) String compensationClaimed) {
}
