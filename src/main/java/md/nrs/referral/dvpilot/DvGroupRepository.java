package md.nrs.referral.dvpilot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DvGroupRepository extends JpaRepository<DvGroup, String> {

  List<DvGroup> findAllByOrderByStartsOnAscIdAsc();
}
