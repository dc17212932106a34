package md.nrs.referral.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: bounded delays, no lockout, bounded memory. */
class LoginThrottleTest {

  private static final Duration MAX = Duration.ofSeconds(60);

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(5, 10, 30, Duration.ofSeconds(1), MAX,
      Duration.ofMinutes(15), Duration.ofDays(30), 1000), clock);

  @Test
  void fiveFailuresAreFreeThenTheWaitDoublesUpToTheBoundAndNeverBeyond() {
    for (int i = 0; i < 5; i++) {
      fail("someone", "198.51.100.1");
    }
    Duration previous = Duration.ZERO;
    for (int round = 0; round < 1000; round++) {
      Duration wait = throttle.begin("someone", "198.51.100.1").retryAfter();
      assertThat(wait).isPositive().isLessThanOrEqualTo(MAX).isGreaterThanOrEqualTo(previous.compareTo(MAX) >= 0 ? MAX : previous);
      previous = wait;
      clock.advance(wait);
      fail("someone", "198.51.100.1");
    }
    assertThat(throttle.begin("someone", "198.51.100.1").retryAfter()).isEqualTo(MAX);
  }

  @Test
  void attemptsRefusedWhileWaitingDoNotProlongTheWait() {
    for (int i = 0; i < 5; i++) {
      fail("someone", "198.51.100.2");
    }
    for (int i = 0; i < 500; i++) {
      assertThat(throttle.begin("someone", "198.51.100.2").allowed()).isEmpty();
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.begin("someone", "198.51.100.2").allowed()).isPresent();
  }

  @Test
  void aStrangerHammeringAnAccountNeverKeepsItsUserOutOfTheirUsualSource() {
    throttle.succeeded(throttle.begin("analyst", "10.0.0.5").allowed().orElseThrow());
    for (int i = 0; i < 200; i++) {
      var attempt = throttle.begin("analyst", "203.0.113." + (i % 50));
      attempt.allowed().ifPresent(a -> { }); // each allowed guess stays counted as a failure
      clock.advance(Duration.ofMillis(100));
    }
    assertThat(throttle.begin("analyst", "203.0.113.200").allowed()).as("the account is slowed for strangers").isEmpty();
    assertThat(throttle.begin("analyst", "10.0.0.5").allowed()).as("but not from its usual source").isPresent();
  }

  @Test
  void aQuietWindowEndsTheBurst() {
    for (int i = 0; i < 5; i++) {
      fail("someone", "198.51.100.3");
    }
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.begin("someone", "198.51.100.3").allowed()).isPresent();
  }

  @Test
  void theRightPasswordTakesItsAttemptBackAndClearsThePair() {
    for (int i = 0; i < 4; i++) {
      fail("someone", "198.51.100.4");
    }
    throttle.succeeded(throttle.begin("someone", "198.51.100.4").allowed().orElseThrow());
    for (int i = 0; i < 4; i++) {
      fail("someone", "198.51.100.4");
    }
    assertThat(throttle.begin("someone", "198.51.100.4").allowed()).isPresent();
  }

  @Test
  void accountNamesDifferingOnlyInCaseShareOneCount() {
    for (int i = 0; i < 5; i++) {
      fail(i % 2 == 0 ? "Someone" : "SOMEONE", "198.51.100.5");
    }
    assertThat(throttle.begin("someone", "198.51.100.5").allowed()).isEmpty();
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfMadeUpNames() {
    for (int i = 0; i < 20_000; i++) {
      throttle.begin("made-up-" + i, "198.51.100.6");
      clock.advance(Duration.ofMinutes(2)); // slow enough never to be held back by the source count
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(2 * 1000);
  }

  @Test
  void manyRequestsAtOnceWithTheCredentialThatLastSucceededAreNeverSlowedButGuessesFromThereStillAre() {
    byte[] right = {1, 2, 3};
    throttle.succeeded(throttle.begin("intake.system", "10.0.0.9", right).allowed().orElseThrow(), right);

    for (int inFlight = 0; inFlight < 50; inFlight++) {
      var attempt = throttle.begin("intake.system", "10.0.0.9", right).allowed();
      assertThat(attempt).as("request %d in flight", inFlight).isPresent();
      assertThat(attempt.get().proven()).isTrue();
    }
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.begin("intake.system", "10.0.0.9", new byte[] {9, (byte) i}).allowed()).isPresent();
    }
    assertThat(throttle.begin("intake.system", "10.0.0.9", new byte[] {9, 9}).allowed())
        .as("the sixth guess from the same source waits").isEmpty();
    assertThat(throttle.begin("intake.system", "10.0.0.9", right).allowed()).as("the known credential does not").isPresent();
  }

  @Test
  void aCredentialThatNoLongerWorksIsForgottenAndCountedOnceItFails() {
    byte[] old = {4, 5, 6};
    throttle.succeeded(throttle.begin("changed", "10.0.0.10", old).allowed().orElseThrow(), old);
    var first = throttle.begin("changed", "10.0.0.10", old).allowed().orElseThrow();
    assertThat(first.proven()).isTrue();
    throttle.failed(first);
    for (int i = 1; i < 5; i++) {
      var attempt = throttle.begin("changed", "10.0.0.10", old).allowed();
      assertThat(attempt).as("attempt %d", i).isPresent();
      assertThat(attempt.get().proven()).as("forgotten after it failed").isFalse();
      throttle.failed(attempt.get());
    }
    assertThat(throttle.begin("changed", "10.0.0.10", old).allowed()).as("after five free failures it waits").isEmpty();
  }

  @Test
  void theKnownCredentialCountsOnlyFromTheSourceItSucceededFrom() {
    byte[] right = {7, 7, 7};
    throttle.succeeded(throttle.begin("roaming", "10.0.0.11", right).allowed().orElseThrow(), right);

    var elsewhere = throttle.begin("roaming", "192.0.2.11", right).allowed().orElseThrow();

    assertThat(elsewhere.proven()).isFalse();
  }

  private void fail(String account, String source) {
    assertThat(throttle.begin(account, source).allowed()).as("attempt allowed").isPresent();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T09:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
