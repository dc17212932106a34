package md.nrs.referral.privacy.vault;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<PersonEntity, Long> {

  Optional<PersonEntity> findByCaseCode(String caseCode);

  List<PersonEntity> findByKeyIdNotOrderByIdAsc(String keyId, Pageable page);

  List<PersonEntity> findByAnonymisedAtIsNullAndCaseCodeIn(java.util.Collection<String> caseCodes);
}
