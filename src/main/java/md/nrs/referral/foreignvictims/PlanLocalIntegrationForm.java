package md.nrs.referral.foreignvictims;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The person stays in Moldova: the integration support planned (at least one). */
@FormContract(ForeignVictimProcess.FORM_LOCAL_INTEGRATION)
public record PlanLocalIntegrationForm(
    @NotEmpty(message = "choose at least one kind of support") List<@OneOf({"legal-status", "language-course", "housing",
        "employment", "education", "health-care"}) String> integrationSupport,
    @Size(max = 1000) String integrationNote) {
}
