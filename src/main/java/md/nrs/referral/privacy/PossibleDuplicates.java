package md.nrs.referral.privacy;

import java.util.Map;
import java.util.Set;

/**
 * Published (in the recording transaction) when the person just stored for a case has the same blind-index
 * digest as the person of other cases: a possible duplicate, never a decision. Case codes and the kinds of
 * match only ({@code name-birth}, {@code document}), no personal value.
 *
 * @param caseCode the case whose person was just recorded
 * @param matches the other cases, each with the kinds that matched
 */
public record PossibleDuplicates(String caseCode, Map<String, Set<String>> matches) {

  public PossibleDuplicates {
    matches = Map.copyOf(matches);
  }
}
