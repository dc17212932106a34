package md.nrs.referral.safetyplan;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.ShownFromProcess;

/**
 * The individual safety plan: the measures, the agency that carries them out and by when, the review date
 * (today or later: a plan cannot be due for review in the past), and whether the plan goes on.
 */
@FormContract(SafetyPlanProcess.FORM_SAFETY_PLAN)
public record SafetyPlanForm(
    @ShownFromProcess String riskLevel,
    @NotEmpty(message = "choose at least one measure") List<@OneOf({"safe-accommodation", "shelter", "police-protection",
        "protection-order", "medical-care", "psychological-support", "new-phone-number", "media-protection",
        "debt-counselling"}) String> safetyMeasures,
    @NotNull(message = "choose who carries out the measures") @OneOf({"mdt-chisinau", "mdt-balti", "mdt-cahul", "mdt-comrat",
        "cap-chisinau", "la-strada", "cnfacem", "womens-initiative", "resonance", "interaction", "iom",
        "community-social-workers", "cctp", "gpi"}) String measuresBy,
    @NotNull(message = "give the date") @FutureOrPresent(message = "cannot be in the past") LocalDate measuresDueBy,
    @NotNull(message = "give the review date") @FutureOrPresent(message = "cannot be in the past") LocalDate reviewOn,
    @NotNull(message = "say whether the plan continues") @OneOf({"active", "ended"}) String planStatus) {
}
