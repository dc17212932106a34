package md.nrs.referral.persons;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cases are one person (nrs_case_person) and what the coordinators said about each possible duplicate
 * (nrs_duplicate_pair). A pair is kept in one order (the smaller case code first), so "A and B" and "B and A"
 * are one question, asked once. Case codes and random person ids only.
 */
@Service
public class PersonLinks {

  public static final String OPEN = "open";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public PersonLinks(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A pair's state: open, same-person or not-same, with what matched. */
  public record Pair(String caseCode, String otherCaseCode, String matchedOn, String status, String decidedBy) {
  }

  /** The person id of a linked case; empty for a case that is a person of its own. */
  @Transactional(readOnly = true)
  public Optional<String> personOf(String caseCode) {
    return jdbc.queryForList("select person_id from nrs_case_person where case_code = ?", String.class, caseCode)
        .stream().findFirst();
  }

  /** The person key of each case: its person id when linked, otherwise the case code itself. */
  @Transactional(readOnly = true)
  public Map<String, String> personKeys(Collection<String> caseCodes) {
    Map<String, String> keys = new HashMap<>();
    caseCodes.forEach(code -> keys.put(code, code));
    List<String> codes = new ArrayList<>(caseCodes);
    for (int from = 0; from < codes.size(); from += 500) {
      List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query("select case_code, person_id from nrs_case_person where case_code in (" + marks + ")",
          rs -> {
            keys.put(rs.getString(1), "person:" + rs.getString(2));
          }, chunk.toArray());
    }
    return keys;
  }

  /** Every case linked with this one, itself included, in code order. */
  @Transactional(readOnly = true)
  public List<String> casesOfSamePerson(String caseCode) {
    return personOf(caseCode).map(person -> jdbc.queryForList(
        "select case_code from nrs_case_person where person_id = ? order by case_code", String.class, person))
        .orElse(List.of(caseCode));
  }

  @Transactional(readOnly = true)
  public boolean samePerson(String a, String b) {
    Optional<String> left = personOf(a);
    return left.isPresent() && left.equals(personOf(b));
  }

  @Transactional(readOnly = true)
  public Optional<Pair> pair(String a, String b) {
    String[] ordered = ordered(a, b);
    return jdbc.query("select case_code, other_case_code, matched_on, status, decided_by from nrs_duplicate_pair "
        + "where case_code = ? and other_case_code = ?", (rs, i) -> new Pair(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5)), ordered[0], ordered[1]).stream().findFirst();
  }

  /** The questions and answers about this case, in code order. */
  @Transactional(readOnly = true)
  public List<Pair> pairsOf(String caseCode) {
    return jdbc.query("select case_code, other_case_code, matched_on, status, decided_by from nrs_duplicate_pair "
        + "where case_code = ? or other_case_code = ? order by case_code, other_case_code", (rs, i) -> new Pair(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), caseCode, caseCode);
  }

  /** Records a new open question about two cases; false when the pair was already asked (or answered). */
  @Transactional
  public boolean flag(String a, String b, String matchedOn) {
    if (pair(a, b).isPresent()) {
      return false;
    }
    String[] ordered = ordered(a, b);
    jdbc.update("insert into nrs_duplicate_pair (case_code, other_case_code, matched_on, status, flagged_at) "
        + "values (?, ?, ?, ?, ?)", ordered[0], ordered[1], matchedOn, OPEN, Timestamp.from(clock.instant()));
    return true;
  }

  /**
   * A coordinator's answer: {@code same-person} links the two cases (and every case already linked with
   * either) as one person; {@code not-same} is remembered so the pair is never asked again.
   */
  @Transactional
  public void decide(String a, String b, String decision, String decidedBy) {
    Instant now = clock.instant();
    String[] ordered = ordered(a, b);
    int updated = jdbc.update("update nrs_duplicate_pair set status = ?, decided_at = ?, decided_by = ? "
        + "where case_code = ? and other_case_code = ?", decision, Timestamp.from(now), decidedBy, ordered[0], ordered[1]);
    if (updated == 0) {
      jdbc.update("insert into nrs_duplicate_pair (case_code, other_case_code, status, decided_at, decided_by) "
          + "values (?, ?, ?, ?, ?)", ordered[0], ordered[1], decision, Timestamp.from(now), decidedBy);
    }
    if (PossibleDuplicateProcess.SAME_PERSON.equals(decision)) {
      link(ordered[0], ordered[1], decidedBy, now);
    }
  }

  private void link(String a, String b, String by, Instant now) {
    Optional<String> left = personOf(a);
    Optional<String> right = personOf(b);
    String person = left.or(() -> right).orElseGet(() -> UUID.randomUUID().toString());
    if (left.isPresent() && right.isPresent() && !left.equals(right)) {
      jdbc.update("update nrs_case_person set person_id = ? where person_id = ?", person, right.get());
    }
    for (String code : List.of(a, b)) {
      if (personOf(code).isEmpty()) {
        jdbc.update("insert into nrs_case_person (case_code, person_id, linked_at, linked_by) values (?, ?, ?, ?)",
            code, person, Timestamp.from(now), by);
      }
    }
  }

  private static String[] ordered(String a, String b) {
    return a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a};
  }
}
