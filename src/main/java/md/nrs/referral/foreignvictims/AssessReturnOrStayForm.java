package md.nrs.referral.foreignvictims;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The risk of a return to the country of origin is assessed first, then the person's wish is recorded: a return only
 * if she wishes it and the risk is not high; otherwise local integration. A high risk says what it is.
 */
@FormContract(ForeignVictimProcess.FORM_RETURN_OR_STAY)
@RequiredWhen(field = "riskNote", when = "returnRisk", is = "high", message = "is required when the risk is high: say what it is")
public record AssessReturnOrStayForm(
    @NotNull(message = "choose low, medium or high") @OneOf({"low", "medium", "high"}) String returnRisk,
    @NotNull(message = "choose return or stay") @OneOf({"return", "stay"}) String personWishes,
    @Size(max = 1000) String riskNote) {
}
