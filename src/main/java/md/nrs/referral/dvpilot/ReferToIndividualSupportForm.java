package md.nrs.referral.dvpilot;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** A participant screened at high risk is not placed in a group: the counsellors record where they referred them. */
@FormContract(DvGroupCounsellingProcess.FORM_INDIVIDUAL_SUPPORT)
public record ReferToIndividualSupportForm(
    @NotNull(message = "choose where the participant was referred")
    @OneOf({"individual-counselling", "protection-order", "shelter", "mdt-case-conference", "individual-perpetrator-programme"})
    String referredTo) {
}
