package md.nrs.referral.intake;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralIntakeRepository extends JpaRepository<ReferralIntakeRecord, String> {

  Optional<ReferralIntakeRecord> findByAgencyIdAndSourceReference(String agencyId, String sourceReference);
}
