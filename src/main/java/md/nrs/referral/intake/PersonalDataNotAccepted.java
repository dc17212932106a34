package md.nrs.referral.intake;

/** Personal data that the platform cannot keep (answered 422); the message never repeats the data. */
public class PersonalDataNotAccepted extends RuntimeException {

  public PersonalDataNotAccepted(String message) {
    super(message);
  }
}
