package md.nrs.referral.agencies.callbacks;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProviderCallbackRepository extends JpaRepository<ProviderCallback, String> {
}
