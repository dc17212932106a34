package md.nrs.referral.reopening;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why a closed case is reopened: codes only, no free text about the person. */
public enum ReopeningReason {
  /** The person asks for help again (new needs after closure). */
  ASKED_FOR_HELP_AGAIN("asked-for-help-again"),
  /** The person was trafficked again. */
  RE_TRAFFICKED("re-trafficked"),
  /** A need was left unmet at closure. */
  UNMET_NEEDS("unmet-needs"),
  /** The case was closed in error. */
  CLOSED_IN_ERROR("closed-in-error");

  public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(ReopeningReason::wireName).toList();

  private final String wireName;

  ReopeningReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ReopeningReason> of(String wireName) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
  }
}
