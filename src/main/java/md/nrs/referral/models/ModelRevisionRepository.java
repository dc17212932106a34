package md.nrs.referral.models;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModelRevisionRepository extends JpaRepository<ModelRevision, Long> {

  List<ModelRevision> findAllByOrderByIdDesc(Pageable page);
}
