package md.nrs.referral.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The personal data a referring agency may send with a referral. It goes only to the personal-data
 * store ({@link ReferralPersonalData}), never into process variables, logs or error messages; error
 * messages name the field, never its value. Every field is optional: anonymous referrals are allowed.
 */
public record IntakePerson(
    @Size(max = 100, message = "must be at most 100 characters") String firstName,
    @Size(max = 100, message = "must be at most 100 characters") String lastName,
    @Size(max = 100, message = "must be at most 100 characters") String otherNames,
    @Past(message = "must be a date in the past") LocalDate dateOfBirth,
    @Size(max = 100, message = "must be at most 100 characters") String placeOfBirth,
    @Size(max = 100, message = "must be at most 100 characters") String citizenship,
    @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number (digits, spaces, + ( ) -)") String phone,
    @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String email,
    @Size(max = 300, message = "must be at most 300 characters") String address,
    @Size(max = 50, message = "must be at most 50 characters") String documentNumber,
    @Size(max = 20, message = "must be at most 20 characters") String preferredLanguage) {
}
