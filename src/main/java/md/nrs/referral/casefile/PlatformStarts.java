package md.nrs.referral.casefile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The platform's permit to start a process with a business key: a case code from {@link CaseCodes}, a
 * case code the platform checked, or another key it made itself. The permit is bound to the calling
 * thread, names one key and is used up by the first process instance started with that key, so nothing
 * else that runs inside the start can reuse it. {@link BusinessKeyGuard} refuses every other start
 * that brings a business key (REST, the webapps, messages, conditions, restarts).
 */
public final class PlatformStarts {

  private static final ThreadLocal<Deque<Permit>> PERMITS = new ThreadLocal<>();

  private PlatformStarts() {
  }

  /** Runs {@code start} with a permit for one process instance carrying {@code businessKey}. */
  public static <T> T withBusinessKey(String businessKey, Supplier<T> start) {
    Permit permit = new Permit(Objects.requireNonNull(businessKey, "businessKey"));
    Deque<Permit> permits = PERMITS.get();
    if (permits == null) {
      permits = new ArrayDeque<>();
      PERMITS.set(permits);
    }
    permits.push(permit);
    try {
      return start.get();
    } finally {
      permits.remove(permit);
      if (permits.isEmpty()) {
        PERMITS.remove();
      }
    }
  }

  /** Uses up an open permit for this key, if the current thread holds one. */
  static boolean take(String businessKey) {
    Deque<Permit> permits = PERMITS.get();
    if (permits == null) {
      return false; // most threads never hold one (no empty deque left behind on pooled threads)
    }
    for (Permit permit : permits) {
      if (!permit.used && permit.businessKey.equals(businessKey)) {
        permit.used = true;
        return true;
      }
    }
    return false;
  }

  private static final class Permit {
    private final String businessKey;
    private boolean used;

    private Permit(String businessKey) {
      this.businessKey = businessKey;
    }
  }
}
