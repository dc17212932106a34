package md.nrs.referral.agencies.directory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgencyRepository extends JpaRepository<Agency, String> {

  List<Agency> findByDistrictAndActiveTrue(String district);
}
