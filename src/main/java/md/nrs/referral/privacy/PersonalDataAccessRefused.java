package md.nrs.referral.privacy;

/** A reader may not see a person's data; the message says why, never what. */
public class PersonalDataAccessRefused extends RuntimeException {

  public PersonalDataAccessRefused(String reason) {
    super(reason);
  }
}
