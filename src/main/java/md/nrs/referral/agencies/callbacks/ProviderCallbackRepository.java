package md.nrs.referral.agencies;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderCallbackRepository extends JpaRepository<ProviderCallback, String> {
}
