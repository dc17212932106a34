package md.nrs.referral.incidents;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseIncidentRepository extends JpaRepository<CaseIncident, String> {

  /** The same user's reports of this type and kind on the case since {@code since}, oldest first. */
  List<CaseIncident> findByCaseCodeAndReportedByAndReportTypeAndKindAndReportedAtGreaterThanEqualOrderByReportedAtAsc(
      String caseCode, String reportedBy, String reportType, String kind, Instant since);
}
