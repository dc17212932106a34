package md.nrs.referral.agencies;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The agency directory as other features read it: who is an agency, which are active, shelter places. */
public interface Agencies {

  /** The active agencies or teams of the directory among these group ids, sorted. */
  List<String> activeAmong(Collection<String> groupIds);

  /** Every active agency and team of the directory, sorted. */
  List<String> active();

  /** Whether the directory has this agency or team (active or not). */
  boolean exists(String agencyId);

  /** The directory's names of these agencies or teams, by id; ids it does not hold are left out. */
  java.util.Map<String, String> names(Collection<String> agencyIds);

  /** The number of shelter places the directory holds for an agency, if it holds one. */
  Optional<Integer> shelterPlaces(String agencyId);

  /** The active agencies and teams of a district (a term of the directory's district list), sorted. */
  List<String> activeInDistrict(String district);

  /** The district a team serves (a term of the directory's district list), if the directory places it in one. */
  Optional<String> districtOf(String agencyId);

  /** The active agency or team of a district offering a service, e.g. ("guardianship", "balti") -> guardianship-balti. */
  Optional<String> serving(String serviceType, String district);

  /** The consent purpose that must be given before sharing with this agency (a partner abroad), if any. */
  Optional<String> consentPurposeOf(String agencyId);

  /** The country (ISO 3166-1 alpha-2) of an active partner abroad, if the directory holds one with a country. */
  Optional<String> countryOfActivePartnerAbroad(String agencyId);
}
