package md.nrs.referral.identity;

import java.util.List;

/**
 * A process people start by hand (in Tasklist or over REST), and who may: a bean each process's package
 * contributes for itself, so the identity seeding needs to know no process. {@code onlyBy} empty means
 * every caseworker and NRS coordinator; otherwise only those groups (e.g. the agencies that run a line).
 */
public record StartableProcess(String key, List<String> onlyBy) {

  public StartableProcess {
    onlyBy = onlyBy == null ? List.of() : List.copyOf(onlyBy);
  }

  public static StartableProcess byCaseworkersAndCoordinators(String key) {
    return new StartableProcess(key, List.of());
  }

  public static StartableProcess onlyBy(String key, List<String> groups) {
    return new StartableProcess(key, groups);
  }
}
