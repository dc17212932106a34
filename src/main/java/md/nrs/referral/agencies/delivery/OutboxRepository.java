package md.nrs.referral.agencies.delivery;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

  Page<OutboxEntry> findByAgencyIdOrderByCreatedAtDescIdDesc(String agencyId, Pageable page);

  List<OutboxEntry> findByCaseCodeOrderByIdAsc(String caseCode);

  java.util.Optional<OutboxEntry> findByNotificationKey(String notificationKey);
}
