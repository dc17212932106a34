package md.nrs.referral.custody;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import md.nrs.referral.privacy.ChainOfCustody;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of custody of each case (nrs_case_custody): one entry per accepted transfer — scope, from, to, reason
 * code, who asked, who accepted, when. Group and user ids and codes only. Written in the engine's transaction, so
 * an entry exists exactly when the hand-over happened.
 */
@Service
public class CustodyChain implements ChainOfCustody {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CustodyChain(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One link of the chain. {@code at} is filled in when it is recorded. */
  public record Entry(String caseCode, String scope, String fromTeam, String toTeam, String reason, String requestedBy,
      String acceptedBy, Instant at) {
  }

  @Transactional
  public void record(Entry entry, String transferId) {
    jdbc.update("insert into nrs_case_custody (case_code, scope, from_team, to_team, reason, requested_by, accepted_by, "
        + "transferred_at, transfer_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.caseCode(), entry.scope(),
        entry.fromTeam(), entry.toTeam(), entry.reason(), entry.requestedBy(), entry.acceptedBy(),
        Timestamp.from(clock.instant()), transferId);
  }

  /** The case's transfers, oldest first, as the case view shows them. */
  @Override
  @Transactional(readOnly = true)
  public List<Link> of(String caseCode) {
    return entries(caseCode).stream().map(e -> new Link(e.caseCode(), e.scope(), e.fromTeam(), e.toTeam(), e.reason(),
        e.requestedBy(), e.acceptedBy(), e.at())).toList();
  }

  /** The case's transfers, oldest first; empty for a case that never moved. */
  @Transactional(readOnly = true)
  public List<Entry> entries(String caseCode) {
    return jdbc.query("select case_code, scope, from_team, to_team, reason, requested_by, accepted_by, transferred_at "
        + "from nrs_case_custody where case_code = ? order by transferred_at, id", (rs, row) -> new Entry(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getTimestamp(8).toInstant()), caseCode);
  }
}
