package md.nrs.referral.privacy;

/**
 * A consent decision was recorded (a Spring application event, published in the recording transaction).
 * {@code previouslyGiven} is the decision in force before it, so listeners act on a change, not on a repeat.
 * Case code, purpose and the agency that recorded it (null for the system): never personal data.
 */
public record ConsentChanged(String caseCode, String purpose, boolean given, boolean previouslyGiven, String recordedAgency) {

  public boolean isNewlyGiven() {
    return given && !previouslyGiven;
  }

  public boolean isWithdrawn() {
    return !given && previouslyGiven;
  }
}
