package md.nrs.referral.agencies.delivery;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import md.nrs.referral.engine.expressions.ReadableInModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again, as the model reads it: the delivery task's retry cycle is
 * {@code ${deliveryRetrySchedule.cycle}}. After the last interval the job has no retries left and stands as an
 * incident in Cockpit. {@code nrs.delivery.retry-schedule} (NRS_DELIVERY_RETRY_SCHEDULE) changes it, e.g. the
 * chaos suite's seconds so a run of minutes reaches incidents; a bad value stops the start, naming the property.
 */
@ReadableInModels("cycle")
@Component("deliveryRetrySchedule")
public class DeliveryRetrySchedule {

  /** 1, 5 and 15 minutes, 1 and 4 hours: an agency's short outage is bridged, a long one reaches an operator the same day. */
  public static final String DEFAULT = "PT1M,PT5M,PT15M,PT1H,PT4H";

  private final String cycle;

  public DeliveryRetrySchedule(@Value("${nrs.delivery.retry-schedule:" + DEFAULT + "}") String cycle) {
    String trimmed = cycle == null ? "" : cycle.replace(" ", "");
    try {
      if (trimmed.isEmpty() || Arrays.stream(trimmed.split(",")).map(Duration::parse).anyMatch(d -> d.isNegative() || d.isZero())) {
        throw new IllegalArgumentException("empty or not positive");
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalStateException("nrs.delivery.retry-schedule must be a comma-separated list of positive ISO-8601 durations"
          + " (e.g. " + DEFAULT + "), not \"" + cycle + "\"", e);
    }
    this.cycle = trimmed;
  }

  public String getCycle() {
    return cycle;
  }
}
