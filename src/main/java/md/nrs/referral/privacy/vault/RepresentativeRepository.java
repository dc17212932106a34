package md.nrs.referral.privacy.vault;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;

public interface RepresentativeRepository extends JpaRepository<RepresentativeEntity, Long> {

  Optional<RepresentativeEntity> findByCaseCode(String caseCode);

  boolean existsByCaseCode(String caseCode);

  List<RepresentativeEntity> findByKeyIdNotOrderByIdAsc(String keyId, Pageable page);

  @Modifying
  void deleteByCaseCodeIn(Collection<String> caseCodes);
}
