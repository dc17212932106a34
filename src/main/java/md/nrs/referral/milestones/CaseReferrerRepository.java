package md.nrs.referral.milestones;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseReferrerRepository extends JpaRepository<CaseReferrer, String> {
}
