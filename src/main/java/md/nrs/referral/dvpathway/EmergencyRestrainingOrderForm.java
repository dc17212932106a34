package md.nrs.referral.dvpathway;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** What came of asking the police for an emergency restraining order (Law 45/2007), and when it was issued. */
@FormContract(DvPathwayProcess.FORM_EMERGENCY_RESTRAINING_ORDER)
@RequiredWhen(field = "restrainingOrderIssuedOn", when = "restrainingOrderOutcome", is = "issued",
    message = "is required when the order was issued")
public record EmergencyRestrainingOrderForm(
    @NotNull(message = "choose the outcome") @OneOf({"issued", "refused", "not-requested"}) String restrainingOrderOutcome,
    @PastOrPresent(message = "cannot be in the future") LocalDate restrainingOrderIssuedOn) {
}
