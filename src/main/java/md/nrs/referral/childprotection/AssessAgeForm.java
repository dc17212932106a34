package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The age assessment of a person presumed to be a child: what was found and which authority decided it
 * (always recorded). Until it is done the person keeps every child safeguard.
 */
@FormContract(ChildProtectionProcess.FORM_ASSESS_AGE)
public record AssessAgeForm(
    @NotNull(message = "choose child or adult") @OneOf({ChildProtectionProcess.FOUND_CHILD, ChildProtectionProcess.FOUND_ADULT})
    String ageFound,
    @NotNull(message = "choose who decided") @OneOf({"guardianship-authority", "forensic-medical-examiner", "court",
        "civil-registry"}) String ageDecidedBy,
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate ageDecidedOn) {
}
