package md.nrs.referral.agencies.delivery;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

  Page<OutboxEntry> findByAgencyIdOrderByCreatedAtDescIdDesc(String agencyId, Pageable page);

  List<OutboxEntry> findByCaseCodeOrderByIdAsc(String caseCode);

  Optional<OutboxEntry> findByNotificationKey(String notificationKey);

  /** Whether a step already told this agency about this step of this process instance (a referral names its task). */
  boolean existsByAgencyIdAndProcessInstanceIdAndStep(String agencyId, String processInstanceId, String step);

  /** The agencies with entries in this status (QUEUED: waiting for their daily digest), sorted. */
  @Query("select distinct e.agencyId from OutboxEntry e where e.status = :status order by e.agencyId")
  List<String> agenciesWithEntriesIn(@Param("status") OutboxEntry.Status status);

  List<OutboxEntry> findByAgencyIdAndStatusOrderByIdAsc(String agencyId, OutboxEntry.Status status);
}
