package md.nrs.referral.coordination;

import java.util.List;
import md.nrs.referral.engine.expressions.ReadableInModels;
import org.springframework.stereotype.Component;

/** The schedule as the model reads it: the timer start event's cycle is {@code ${coordinationMeetingSchedule.cycle}}. */
@ReadableInModels("cycle")
@Component("coordinationMeetingSchedule")
public class CoordinationMeetingSchedule {

  private final CoordinationMeetingProperties properties;

  public CoordinationMeetingSchedule(CoordinationMeetingProperties properties) {
    this.properties = properties;
  }

  public String getCycle() {
    return properties.cycle();
  }

  public List<CoordinationMeetingProperties.District> districts() {
    return properties.districts();
  }

  public java.time.Period lookBack() {
    return properties.lookBack();
  }

  public CoordinationMeetingProperties.District district(String id) {
    return properties.districts().stream().filter(d -> d.id().equals(id)).findFirst()
        .orElse(new CoordinationMeetingProperties.District(id, List.of()));
  }
}
