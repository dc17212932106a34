package md.nrs.referral.privacy.consent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRepository extends JpaRepository<ConsentEntity, Long> {

  Optional<ConsentEntity> findFirstByCaseCodeAndPurposeOrderByIdDesc(String caseCode, String purpose);

  List<ConsentEntity> findByCaseCodeOrderByIdAsc(String caseCode);
}
