package md.nrs.referral.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The personal data of the person a case is about, as the vault keeps it. Every field is optional
 * (anonymous referrals are allowed). {@link #toString()} never shows a value, so a record that ends up
 * in a log line or an exception message leaks nothing.
 */
public record PersonRecord(
    @Size(max = 100) String givenName,
    @Size(max = 100) String familyName,
    @Past LocalDate dateOfBirth,
    @Size(max = 20) String sex,
    @Size(max = 50) String phone,
    @Email @Size(max = 200) String email,
    @Size(max = 500) String address,
    @Size(max = 50) String documentType,
    @Size(max = 50) String documentNumber,
    @Size(max = 500) String familyContact) {

  public boolean isEmpty() {
    return givenName == null && familyName == null && dateOfBirth == null && sex == null && phone == null
        && email == null && address == null && documentType == null && documentNumber == null && familyContact == null;
  }

  @Override
  public String toString() {
    return "PersonRecord[personal data not shown]";
  }
}
