package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The case team records the urgent medical care of a child where sexual violence is suspected (within 72 hours). */
@FormContract(ChildProtectionProcess.FORM_URGENT_MEDICAL_CARE)
public record UrgentMedicalCareForm(
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate medicalCareOn,
    @NotNull(message = "choose one") @OneOf({"hospital", "family-doctor", "forensic-examiner", "other"}) String medicalCareBy) {
}
