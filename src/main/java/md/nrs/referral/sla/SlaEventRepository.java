package md.nrs.referral.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaEventRepository extends JpaRepository<SlaEvent, Long> {

  boolean existsByTaskIdAndKind(String taskId, SlaEvent.Kind kind);

  List<SlaEvent> findByCaseCodeOrderByIdAsc(String caseCode);

  /** Events of one kind recorded since a moment, oldest first (a coordination meeting's agenda). */
  List<SlaEvent> findByKindAndRecordedAtGreaterThanEqualOrderByIdAsc(SlaEvent.Kind kind, java.time.Instant since);
}
