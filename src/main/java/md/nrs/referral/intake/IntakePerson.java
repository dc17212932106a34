package md.nrs.referral.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.PhoneNumber;

/**
 * The personal data a referring agency may send with a referral: the same fields the personal-data vault
 * keeps, so nothing sent is silently dropped. It goes only to the vault ({@link ReferralPersonalData}),
 * never into process variables, logs or error messages; error messages name the field, never its value.
 * Every field is optional: anonymous referrals are allowed.
 */
public record IntakePerson(
    @Size(max = 100, message = "must be at most 100 characters") String givenName,
    @Size(max = 100, message = "must be at most 100 characters") String familyName,
    @Past(message = "must be a date in the past") LocalDate dateOfBirth,
    @PhoneNumber String phone,
    @Email(message = "must be an e-mail address") @Size(max = 200, message = "must be at most 200 characters") String email,
    @Size(max = 500, message = "must be at most 500 characters") String address,
    @OneOf({"passport", "identity-card", "birth-certificate", "travel-document", "none"}) String documentType,
    @Size(max = 50, message = "must be at most 50 characters") String documentNumber,
    @Size(max = 500, message = "must be at most 500 characters") String familyContact) {
}
