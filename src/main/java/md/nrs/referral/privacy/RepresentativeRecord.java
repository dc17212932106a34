package md.nrs.referral.privacy;

import jakarta.validation.constraints.Size;

/**
 * A child's legal representative as the vault keeps them: name and contact (personal data of someone other than
 * the child). {@link #toString()} never shows a value.
 */
public record RepresentativeRecord(@Size(max = 200) String name, @Size(max = 500) String contact) {

  public boolean isEmpty() {
    return name == null && contact == null;
  }

  @Override
  public String toString() {
    return "RepresentativeRecord[personal data not shown]";
  }
}
