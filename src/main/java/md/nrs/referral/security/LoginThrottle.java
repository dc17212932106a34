package md.nrs.referral.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins slow down further attempts, never lock an account: counted per account, per source address
 * and per account-from-source, each with a delay that doubles up to {@code maxDelay} and no further. An
 * attempt is counted when it starts (so parallel guesses cannot outrun the count) and taken back if the
 * password was right. A source from which the account logged in recently is "known": only the
 * account-from-source count applies to it, so a stranger hammering the account elsewhere never keeps the
 * real user out. Unknown accounts are counted like known ones (the same answers, no enumeration).
 * An attempt that presents the very credential that last succeeded for the account from the same source is
 * not a guess: it is let through uncounted, so an agency's system sending many requests at once is never
 * slowed by its own in-flight checks (the throttle keeps only a keyed digest of that credential).
 * Memory is bounded: each map keeps at most {@code maxEntries}, dropping the least recently used.
 */
public class LoginThrottle {

  /** The settings; delays and windows as durations, counts as failures allowed before any delay. */
  public record Policy(int pairFreeFailures, int accountFreeFailures, int sourceFreeFailures, Duration firstDelay,
      Duration maxDelay, Duration window, Duration knownSourceFor, int maxEntries) {

    public Policy {
      if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxEntries < 1) {
        throw new IllegalArgumentException("login throttle: need 0 <= first-delay <= max-delay and max-entries >= 1");
      }
    }
  }

  /**
   * One attempt in progress: its keys, whether the source is known for the account, and whether it presents
   * the credential that last succeeded from there (then it was not counted).
   */
  public record Attempt(String account, String source, boolean knownSource, boolean proven) {
  }

  private final Policy policy;
  private final Clock clock;
  private final Map<String, Counter> counters;
  private final Map<String, Instant> knownSources;
  private final Map<String, byte[]> knownCredentials;

  public LoginThrottle(Policy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.counters = lruMap(policy.maxEntries());
    this.knownSources = lruMap(policy.maxEntries());
    this.knownCredentials = lruMap(policy.maxEntries());
  }

  /**
   * Starts an attempt: empty with the time to wait if the account, the source or the pair is still delayed
   * (the refused attempt is not counted, so waiting is always enough); otherwise the attempt, counted as failed
   * until {@link #succeeded} or {@link #abandoned} says otherwise.
   */
  public synchronized Result begin(String accountId, String source) {
    return begin(accountId, source, null);
  }

  /**
   * As {@link #begin(String, String)}, with a keyed digest of the presented credential (never the password
   * itself), or null: the credential that last succeeded for this account from this source, still known, is
   * let through at once and uncounted — it cannot be a guess.
   */
  public synchronized Result begin(String accountId, String source, byte[] credential) {
    Instant now = clock.instant();
    String account = accountId.toLowerCase(Locale.ROOT);
    boolean known = isKnown(account, source, now);
    if (known && credential != null && Arrays.equals(credential, knownCredentials.get(pairKey(account, source)))) {
      return new Result(new Attempt(account, source, true, true), Duration.ZERO);
    }
    Attempt attempt = new Attempt(account, source, known, false);
    Duration wait = Duration.ZERO;
    for (Key key : keys(attempt)) {
      Counter counter = counters.get(key.id());
      if (counter != null) {
        wait = max(wait, counter.waitAt(now));
      }
    }
    if (!wait.isZero()) {
      return new Result(null, wait);
    }
    for (Key key : keys(attempt)) {
      counters.computeIfAbsent(key.id(), k -> new Counter()).fail(now, key.freeFailures());
    }
    return new Result(attempt, Duration.ZERO);
  }

  /** The password was right: the attempt is taken back, the pair starts afresh and the source becomes known. */
  public synchronized void succeeded(Attempt attempt) {
    succeeded(attempt, null);
  }

  /** As {@link #succeeded(Attempt)}, remembering the credential's digest (if given) for this source. */
  public synchronized void succeeded(Attempt attempt, byte[] credential) {
    abandoned(attempt);
    counters.remove(pairKey(attempt));
    knownSources.put(pairKey(attempt), clock.instant());
    if (credential != null) {
      knownCredentials.put(pairKey(attempt), credential.clone());
    }
  }

  /**
   * The password was wrong. A counted attempt stays counted; an uncounted one (the credential that had
   * succeeded, e.g. since changed) is forgotten and counted now, so it cannot be repeated for free.
   */
  public synchronized void failed(Attempt attempt) {
    if (!attempt.proven()) {
      return;
    }
    knownCredentials.remove(pairKey(attempt));
    Instant now = clock.instant();
    for (Key key : keys(attempt)) {
      counters.computeIfAbsent(key.id(), k -> new Counter()).fail(now, key.freeFailures());
    }
  }

  /** No password was checked after all (e.g. a public path): the attempt is taken back. */
  public synchronized void abandoned(Attempt attempt) {
    if (attempt.proven()) {
      return; // it was never counted
    }
    for (Key key : keys(attempt)) {
      Counter counter = counters.get(key.id());
      if (counter != null) {
        counter.takeBack(key.freeFailures());
      }
    }
  }

  public Duration maxDelay() {
    return policy.maxDelay();
  }

  /** How many entries the throttle holds (counts and known sources), for the memory bound. */
  synchronized int size() {
    return counters.size() + knownSources.size() + knownCredentials.size();
  }

  private boolean isKnown(String account, String source, Instant now) {
    Instant lastSuccess = knownSources.get(pairKey(account, source));
    return lastSuccess != null && now.isBefore(lastSuccess.plus(policy.knownSourceFor()));
  }

  private Key[] keys(Attempt attempt) {
    Key pair = new Key(pairKey(attempt), policy.pairFreeFailures());
    if (attempt.knownSource()) {
      return new Key[] {pair};
    }
    return new Key[] {pair, new Key("account " + attempt.account(), policy.accountFreeFailures()),
        new Key("source " + attempt.source(), policy.sourceFreeFailures())};
  }

  private static String pairKey(Attempt attempt) {
    return pairKey(attempt.account(), attempt.source());
  }

  private static String pairKey(String account, String source) {
    return "pair " + account + " " + source;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static <V> Map<String, V> lruMap(int maxEntries) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private record Key(String id, int freeFailures) {
  }

  /** The answer to {@link #begin}: an attempt to finish, or the time to wait. */
  public record Result(Attempt attempt, Duration retryAfter) {

    public Optional<Attempt> allowed() {
      return Optional.ofNullable(attempt);
    }
  }

  /** Failures of one key within the window, and until when further attempts wait. */
  private final class Counter {
    private int failures;
    private Instant lastFailure;
    private Instant delayedUntil;

    Duration waitAt(Instant now) {
      return delayedUntil != null && now.isBefore(delayedUntil) ? Duration.between(now, delayedUntil) : Duration.ZERO;
    }

    void fail(Instant now, int freeFailures) {
      if (lastFailure != null && now.isAfter(lastFailure.plus(policy.window()))) {
        failures = 0; // a quiet window ends the burst
      }
      failures++;
      lastFailure = now;
      int excess = failures - freeFailures + 1; // after the last free failure the next attempt waits
      if (excess > 0) {
        delayedUntil = now.plus(delay(excess));
      }
    }

    void takeBack(int freeFailures) {
      failures = Math.max(0, failures - 1);
      if (failures < freeFailures) {
        delayedUntil = null; // the delay this attempt set was not earned
      }
    }

    private Duration delay(int excess) {
      // firstDelay * 2^(excess-1), never more than maxDelay (the shift is capped to avoid overflow)
      long factor = 1L << Math.min(excess - 1, 30);
      Duration doubled = policy.firstDelay().multipliedBy(factor);
      return doubled.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : doubled;
    }
  }
}
