package md.nrs.referral.casepath;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * Informed consent, asked separately: to assistance, to sharing with each agency, to informing law
 * enforcement. Assistance never depends on the last one. A refusal needs its reason.
 */
@FormContract(NrsCaseProcess.FORM_CONSENT)
@RequiredWhen(field = "refusalReason", when = "consentToAssistance", is = "refused", message = "is required when assistance is refused")
public record InformedConsentForm(
    @AssertTrue(message = "the person must have been informed of their rights before deciding") boolean informationGiven,
    @NotNull(message = "choose given or refused") @OneOf({"given", "refused"}) String consentToAssistance,
    List<@OneOf({"mlsp", "cap-chisinau", "cctp", "gpi", "cnfacem", "la-strada", "womens-initiative", "resonance",
        "interaction", "veritas", "iom", "mdt-chisinau", "guardianship-chisinau", "community-social-workers"}) String> shareWithAgencies,
    boolean informLawEnforcement,
    @Size(max = 1000) String refusalReason) {
}
