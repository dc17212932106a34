package md.nrs.referral.dvpathway;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The protection order application the person was supported with (Law 45/2007): when filed, and the court's answer. */
@FormContract(DvPathwayProcess.FORM_PROTECTION_ORDER)
@RequiredWhen(field = "applicationFiledOn", when = "protectionOrderOutcome", is = "issued",
    message = "is required when the order was issued")
public record ProtectionOrderForm(
    @NotNull(message = "choose the outcome") @OneOf({"issued", "refused", "withdrawn", "not-filed"}) String protectionOrderOutcome,
    @PastOrPresent(message = "cannot be in the future") LocalDate applicationFiledOn) {
}
