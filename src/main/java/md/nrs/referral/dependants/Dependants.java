package md.nrs.referral.dependants;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import md.nrs.referral.privacy.CaseDependants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cases are dependants of which (nrs_case_dependant, V19): a child travelling with the person or a family
 * member also exploited, each a case of their own. Case codes and the relation only.
 */
@Service
public class Dependants implements CaseDependants {

  public static final String CHILD = "child";
  public static final String FAMILY_MEMBER = "family-member";
  public static final List<String> RELATIONS = List.of(CHILD, FAMILY_MEMBER);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Dependants(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Joins the caller's transaction: the link is written with the dependant's case or not at all. */
  @Transactional
  public void link(String caseCode, String dependantCaseCode, String relation, String addedBy, String agency) {
    jdbc.update("insert into nrs_case_dependant (dependant_case_code, case_code, relation, added_at, added_by, added_agency) "
        + "values (?, ?, ?, ?, ?, ?)", dependantCaseCode, caseCode, relation, Timestamp.from(clock.instant()), addedBy, agency);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Link> of(String caseCode) {
    return jdbc.query("select dependant_case_code, relation from nrs_case_dependant where case_code = ? "
        + "order by added_at, dependant_case_code", (rs, i) -> new Link(rs.getString(1), rs.getString(2)), caseCode);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Link> dependantOf(String dependantCaseCode) {
    return jdbc.query("select case_code, relation from nrs_case_dependant where dependant_case_code = ?",
        (rs, i) -> new Link(rs.getString(1), rs.getString(2)), dependantCaseCode).stream().findFirst();
  }
}
