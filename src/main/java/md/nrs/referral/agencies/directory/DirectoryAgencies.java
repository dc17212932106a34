package md.nrs.referral.agencies.directory;

import md.nrs.referral.agencies.Agencies;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link Agencies} from the directory's table. */
@Component
@Transactional(readOnly = true)
public class DirectoryAgencies implements Agencies {

  private final AgencyRepository agencies;

  public DirectoryAgencies(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  @Override
  public List<String> activeAmong(Collection<String> groupIds) {
    return agencies.findAllById(groupIds).stream().filter(Agency::isActive).map(Agency::getId).sorted().toList();
  }

  @Override
  public List<String> active() {
    return agencies.findAll().stream().filter(Agency::isActive).map(Agency::getId).sorted().toList();
  }

  @Override
  public boolean exists(String agencyId) {
    return agencyId != null && agencies.existsById(agencyId);
  }

  @Override
  public java.util.Map<String, String> names(Collection<String> agencyIds) {
    return agencies.findAllById(agencyIds).stream()
        .collect(java.util.stream.Collectors.toMap(Agency::getId, Agency::getName));
  }

  @Override
  public Optional<Integer> shelterPlaces(String agencyId) {
    return agencies.findById(agencyId).map(Agency::getShelterPlaces);
  }

  @Override
  public List<String> activeInDistrict(String district) {
    return agencies.findByDistrictAndActiveTrue(district).stream().map(Agency::getId).sorted().toList();
  }

  @Override
  public Optional<String> districtOf(String agencyId) {
    return agencyId == null ? Optional.empty() : agencies.findById(agencyId).map(Agency::getDistrict);
  }

  @Override
  public Optional<String> serving(String serviceType, String district) {
    return agencies.findByDistrictAndActiveTrue(district).stream().filter(a -> a.getServices().contains(serviceType))
        .map(Agency::getId).sorted().findFirst();
  }

  @Override
  public Optional<String> consentPurposeOf(String agencyId) {
    return agencyId == null ? Optional.empty() : agencies.findById(agencyId).map(Agency::getConsentPurpose);
  }

  @Override
  public Optional<String> countryOfActivePartnerAbroad(String agencyId) {
    return agencyId == null ? Optional.empty() : agencies.findById(agencyId)
        .filter(a -> a.isActive() && a.isPartnerAbroad()).map(Agency::getCountry);
  }
}
