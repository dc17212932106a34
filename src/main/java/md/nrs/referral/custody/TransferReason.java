package md.nrs.referral.custody;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why a case (or a service) moves to another team: codes only, no free text about the person. */
public enum TransferReason {
  /** After the return from abroad, the team of the person's home district takes over from IOM. */
  RETURNED_HOME("returned-home"),
  /** The person moved to another district. */
  MOVED_DISTRICT("moved-district"),
  /** Another agency is better placed for the person's needs (a service closer to home, a specialised one). */
  BETTER_PLACED("better-placed"),
  /** The current team cannot go on with it (capacity, conflict of interest). */
  TEAM_CANNOT_CONTINUE("team-cannot-continue");

  public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(TransferReason::wireName).toList();

  private final String wireName;

  TransferReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<TransferReason> of(String wireName) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
  }
}
