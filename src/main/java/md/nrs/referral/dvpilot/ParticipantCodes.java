package md.nrs.referral.dvpilot;

import java.time.Instant;
import java.time.Year;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import md.nrs.referral.engine.PlatformClock;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Pilot codes {@code DV-<year>-<sequence>} (e.g. DV-2026-000012) for participants who are not NRS cases, in the
 * pattern of {@link md.nrs.referral.casefile.CaseCodes}: a database sequence, unique across cluster nodes,
 * identifying a participant without identifying a person.
 */
@Component
public class ParticipantCodes {

  public static final Pattern FORMAT = Pattern.compile("DV-\\d{4}-\\d{6,}");
  static final String SEQUENCE = "nrs_dv_participant_code_seq";

  private final DataFieldMaxValueIncrementer sequence;

  public ParticipantCodes(DataSource dataSource) {
    String product;
    try {
      product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
    } catch (Exception e) {
      throw new IllegalStateException("Cannot tell which database holds the participant-code sequence", e);
    }
    this.sequence = switch (product) {
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("No participant-code sequence support for database " + product);
    };
  }

  /** A new code of the year of {@code now} in Chisinau (the engine's time: a test may move it). */
  public String next(Instant now) {
    int year = Year.from(now.atZone(PlatformClock.zone())).getValue();
    return String.format("DV-%d-%06d", year, sequence.nextLongValue());
  }
}
