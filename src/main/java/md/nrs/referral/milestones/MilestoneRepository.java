package md.nrs.referral.milestones;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MilestoneRepository extends JpaRepository<MilestoneRecord, Long> {

  boolean existsByCaseCodeAndMilestone(String caseCode, String milestone);

  List<MilestoneRecord> findByCaseCodeOrderByIdAsc(String caseCode);
}
