package md.nrs.referral.milestones;

import java.util.Optional;

/**
 * What the referring agency hears of the case it referred: each milestone is a step name of its own (the
 * outbox's {@code step}, translated as {@code notification.milestone.<step>}) and an English line for the
 * webhook's {@code request}. Only that a milestone was reached, never a fact about the person.
 */
public enum Milestone {
  ACCEPTED("Milestone_Accepted", "Your referral was accepted under this case code."),
  IDENTIFIED("Milestone_Identified", "Identification: the person was identified as a victim of trafficking."),
  PRESUMED_VICTIM("Milestone_PresumedVictim", "Identification: the person is a presumed victim of trafficking."),
  NOT_IDENTIFIED("Milestone_NotIdentified", "Identification: the person was not identified as a victim of trafficking."),
  ASSISTANCE_STARTED("Milestone_AssistanceStarted", "The assistance plan was approved: assistance has started."),
  RETURNED("Milestone_Returned", "The person has returned and was received."),
  CLOSED("Milestone_Closed", "The case is closed.");

  public static final String STEP_PREFIX = "Milestone_";

  private final String step;
  private final String request;

  Milestone(String step, String request) {
    this.step = step;
    this.request = request;
  }

  public String step() {
    return step;
  }

  public String request() {
    return request;
  }

  /** The milestone an identification interview's status reaches. */
  public static Optional<Milestone> ofVictimStatus(Object victimStatus) {
    if (!(victimStatus instanceof String status)) {
      return Optional.empty();
    }
    return switch (status) {
      case "identified-victim" -> Optional.of(IDENTIFIED);
      case "presumed-victim" -> Optional.of(PRESUMED_VICTIM);
      case "potential-victim" -> Optional.of(NOT_IDENTIFIED);
      default -> Optional.empty();
    };
  }
}
