package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The emergency fast track: the person in immediate danger is asked verbally whether they accept emergency
 * assistance, and the staff member who asked records the answer, their own name and role, and what is needed
 * now. Nothing about the person is asked here.
 */
@FormContract(NrsCaseProcess.FORM_EMERGENCY_CONSENT)
public record EmergencyAssistanceConsentForm(
    @NotNull(message = "choose given or refused") @OneOf({"given", "refused"}) String emergencyConsent,
    boolean emergencyShelter,
    boolean urgentMedicalCare,
    @NotBlank(message = "is required: who asked the person and recorded the answer") @Size(max = 200)
    String consentRecordedBy) {
}
