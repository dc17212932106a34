package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The needs assessment and the individual assistance plan: which services, and whether a shelter place is needed. */
@FormContract(NrsCaseProcess.FORM_NEEDS_ASSESSMENT)
public record NeedsAssessmentForm(
    @NotNull(message = "choose the services, or none") List<@OneOf({"legal", "medical", "psychological", "social"}) String> plannedServices,
    boolean shelterNeeded,
    @NotBlank(message = "is required: summarise the needs and the plan") @Size(max = 4000) String planSummary) {
}
