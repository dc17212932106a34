package md.nrs.referral.repatriation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * IOM asks whether the person wants to return and, if so, assesses the risk of the return. A person who
 * does not want to return keeps the assistance abroad. A high risk needs a note saying what it is.
 */
@FormContract(RepatriationProcess.FORM_ASSESS_RETURN)
@RequiredWhen(field = "riskLevel", when = "returnWanted", is = "yes", message = "is required when the person wants to return")
@RequiredWhen(field = "riskNote", when = "riskLevel", is = "high", message = "is required when the risk is high: say what it is")
public record AssessReturnRiskForm(
    @NotNull(message = "choose yes or no") @OneOf({"yes", "no"}) String returnWanted,
    @OneOf({"low", "medium", "high"}) String riskLevel,
    Boolean escortNeeded,
    @Size(max = 1000) String riskNote) {
}
