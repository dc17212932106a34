package md.nrs.referral.assistance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.agencies.DirectoryChoice;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * No listed provider took the referral, or none is left that the person consented to share with: the
 * coordinator names one (from the directory's list; the task listener refuses an agency the person did not consent
 * to share with), routes again once consent has been sought anew, or cancels the service with a note.
 */
@FormContract(AssistanceServiceProcess.FORM_CHOOSE_PROVIDER)
@RequiredWhen(field = "providerAgency", when = "coordinatorDecision", is = "refer",
    message = "is required to refer the service to a provider")
@RequiredWhen(field = "coordinatorNote", when = "coordinatorDecision", is = "cancel-service",
    message = "is required to cancel the service: say why")
public record ChooseServiceProviderForm(
    @NotNull(message = "choose refer, route again or cancel") @OneOf({"refer", "route-again", "cancel-service"}) String coordinatorDecision,
    @DirectoryChoice(DirectoryChoice.AGENCIES) String providerAgency,
    @Size(max = 1000) String coordinatorNote) {
}
