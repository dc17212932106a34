package md.nrs.referral.casefile;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Issues case codes {@code NRS-<year>-<sequence>} (e.g. NRS-2026-000042). The number comes from a
 * database sequence, so codes are unique across cluster nodes; it does not restart each year, which
 * keeps it gap-tolerant and lock-free. A case code identifies a case without identifying a person.
 */
@Component
public class CaseCodes {

  public static final Pattern FORMAT = Pattern.compile("NRS-\\d{4}-\\d{6,}");
  static final String SEQUENCE = "nrs_case_code_seq";

  private final DataFieldMaxValueIncrementer sequence;
  private final Clock clock;

  public CaseCodes(DataSource dataSource, Clock clock) {
    this.sequence = incrementer(dataSource);
    this.clock = clock;
  }

  /** The code as sent only when it has the shape of a case code: anything else is not echoed in answers or the audit. */
  public static String shown(String caseCode) {
    return caseCode != null && caseCode.length() <= 32 && FORMAT.matcher(caseCode).matches() ? caseCode : "(invalid code)";
  }

  public String next() {
    return String.format("NRS-%d-%06d", Year.now(clock).getValue(), sequence.nextLongValue());
  }

  private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource) {
    String product;
    try {
      product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
    } catch (Exception e) {
      throw new IllegalStateException("Cannot tell which database holds the case-code sequence", e);
    }
    return switch (product) {
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("No case-code sequence support for database " + product);
    };
  }
}
