package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** After a safety incident: how high the risk is now and what was done. */
@FormContract(NrsCaseProcess.FORM_URGENT_RISK_REVIEW)
public record UrgentRiskReviewForm(
    @NotNull(message = "choose the risk level") @OneOf({"low", "medium", "high"}) String riskLevel,
    @NotBlank(message = "is required: say what was done") @Size(max = 2000) String actionsTaken) {
}
