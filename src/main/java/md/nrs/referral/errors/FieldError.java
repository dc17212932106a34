package md.nrs.referral.errors;

/** One bad field of a form submission: its key as in the form, and what is wrong, in plain words. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
