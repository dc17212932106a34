package md.nrs.referral.coordination;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coordination meetings' settings ({@code nrs.coordination-meetings.*}); every one has a default.
 *
 * @param cycle when meetings are due: a cron expression (seconds minutes hours day month weekday) in the
 *     server's time zone; policy default quarterly, 09:00 on the 15th of January, April, July and October
 * @param lookBack how far back the agenda looks for breaches and incidents (default three months, one quarter)
 * @param districts the districts that meet; default Chisinau alone, covering every case
 */
@ConfigurationProperties("nrs.coordination-meetings")
public record CoordinationMeetingProperties(String cycle, Period lookBack, List<District> districts) {

  public static final String QUARTERLY = "0 0 9 15 1,4,7,10 ?";

  public CoordinationMeetingProperties {
    cycle = cycle == null || cycle.isBlank() ? QUARTERLY : cycle;
    lookBack = lookBack == null ? Period.ofMonths(3) : lookBack;
    districts = districts == null || districts.isEmpty() ? List.of(new District("chisinau", List.of())) : List.copyOf(districts);
  }

  /**
   * A district that holds its own meeting.
   *
   * @param id e.g. chisinau, used in the meeting's business key
   * @param teams the responsible teams (group ids) whose cases the district discusses; empty: every case
   */
  public record District(String id, List<String> teams) {
    public District {
      teams = teams == null ? List.of() : List.copyOf(teams);
    }
  }
}
