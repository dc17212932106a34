package md.nrs.referral.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Reads only, apart from the append in {@link AuditTrail}: no update or delete is offered anywhere. */
interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  List<AuditEntry> findBySeqGreaterThanOrderBySeqAsc(long seq, Pageable page);

  @Query("select e from AuditEntry e where (:caseCode is null or e.caseCode = :caseCode)"
      + " and (:actor is null or e.actor = :actor) and (:action is null or e.action = :action)"
      + " and e.occurredAt >= :from and e.occurredAt < :to order by e.seq desc")
  List<AuditEntry> search(@Param("caseCode") String caseCode, @Param("actor") String actor,
      @Param("action") String action, @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}
