package md.nrs.referral.agencies.directory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.identity.DirectoryProperties;
import md.nrs.referral.identity.IdentitySeeder;
import md.nrs.referral.identity.PlatformSeeder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the agencies and teams of {@code nrs.directory} into the directory, once each: an agency already
 * there is left as administrators made it. No contacts are invented (channel none); services and regions
 * only where DESIGN.md section 5 and the configured names say them. Then every agency of the directory,
 * including those created over REST, gets its Camunda group back if it went missing.
 * Run by the start-up seeding after the groups of the configuration exist.
 */
@Component
public class AgencyDirectorySeeder implements PlatformSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectorySeeder.class);
  private static final String CAP_CHISINAU = "cap-chisinau";

  /**
   * What the design brief and the configured names say about an agency; the rest is left for administrators.
   * Language: the one its staff read (Interaction's trustline in the Transnistria region works in Russian).
   */
  private record Defaults(List<String> services, List<String> regions, String district, String language, String country,
      String consentPurpose) {

    static Defaults of(List<String> services, List<String> regions) {
      return new Defaults(services, regions, null, null, null, null);
    }

    /** A territorial team, or a guardianship authority, of one district. */
    static Defaults team(String district, String... services) {
      return new Defaults(List.of(services), List.of(district), district, null, null, null);
    }

    /** A partner abroad: anything shared with it needs consent to inform a partner abroad too. */
    static Defaults abroad(String country, String language) {
      return new Defaults(List.of(), List.of("abroad"), null, language, country, "partner-abroad");
    }
  }

  private static final Defaults NONE = Defaults.of(List.of(), List.of());
  private static final Map<String, Defaults> DEFAULTS = Map.ofEntries(
      Map.entry(CAP_CHISINAU, Defaults.of(List.of("shelter", "psychological", "medical", "legal"), List.of("chisinau", "national"))),
      Map.entry("iom", Defaults.of(List.of("repatriation"), List.of())),
      Map.entry("interaction", new Defaults(List.of("hotline", "identification"), List.of("transnistria"), "transnistria", "ru", null, null)),
      Map.entry("veritas", Defaults.abroad("UA", "en")),
      Map.entry("embassy-md-italy", Defaults.abroad("IT", "ro")),
      Map.entry("mlsp", Defaults.of(List.of(), List.of("national"))),
      Map.entry("permanent-secretariat", Defaults.of(List.of(), List.of("national"))),
      Map.entry("cctp", Defaults.of(List.of(), List.of("national"))),
      Map.entry("gpi", Defaults.of(List.of(), List.of("national"))),
      Map.entry("mdt-chisinau", Defaults.team("chisinau", "identification")),
      Map.entry("mdt-balti", Defaults.team("balti", "identification")),
      Map.entry("mdt-cahul", Defaults.team("cahul", "identification")),
      Map.entry("mdt-comrat", Defaults.team("comrat", "identification")),
      Map.entry("guardianship-chisinau", Defaults.team("chisinau", "guardianship")),
      Map.entry("guardianship-balti", Defaults.team("balti", "guardianship")),
      Map.entry("guardianship-cahul", Defaults.team("cahul", "guardianship")),
      Map.entry("guardianship-comrat", Defaults.team("comrat", "guardianship")),
      Map.entry("guardianship-transnistria", Defaults.team("transnistria", "guardianship")),
      Map.entry("community-social-workers", Defaults.of(List.of("social"), List.of())));

  private final AgencyRepository agencies;
  private final AgencyDirectory directory;
  private final DirectoryProperties configured;
  private final IdentityService identity;
  private final Clock clock;
  private final int shelterPlaces;

  public AgencyDirectorySeeder(AgencyRepository agencies, AgencyDirectory directory, DirectoryProperties configured,
      IdentityService identity, Clock clock, @Value("${nrs.shelter.places:25}") int shelterPlaces) {
    this.agencies = agencies;
    this.directory = directory;
    this.configured = configured;
    this.identity = identity;
    this.clock = clock;
    this.shelterPlaces = shelterPlaces;
  }

  @Override
  public int order() {
    return DIRECTORY;
  }

  /** Runs in the caller's transaction (the start-up seeding, under its lock). */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void seed() {
    Set<String> known = agencies.findAll().stream().map(Agency::getId).collect(Collectors.toSet());
    int added = 0;
    for (DirectoryProperties.Unit unit : configured.agencies()) {
      added += seed(unit, IdentitySeeder.TYPE_AGENCY, known);
    }
    for (DirectoryProperties.Unit unit : configured.teams()) {
      added += seed(unit, IdentitySeeder.TYPE_TEAM, known);
    }
    agencies.flush();
    List<Agency> all = agencies.findAll();
    if (all.isEmpty()) {
      return;
    }
    Set<String> groups = identity.createGroupQuery().groupIdIn(all.stream().map(Agency::getId).toArray(String[]::new))
        .list().stream().map(Group::getId).collect(Collectors.toSet());
    int regrouped = 0;
    for (Agency agency : all) {
      if (!groups.contains(agency.getId())) {
        directory.ensureGroup(agency);
        regrouped++;
      }
    }
    LOG.info("Agency directory seeded: {} added, {} groups re-created, {} in all", added, regrouped, all.size());
  }

  private int seed(DirectoryProperties.Unit unit, String kind, Set<String> known) {
    if (known.contains(unit.id())) {
      return 0;
    }
    Agency agency = new Agency(unit.id(), unit.name(), kind, clock.instant());
    Defaults defaults = DEFAULTS.getOrDefault(unit.id(), NONE);
    agency.describe(unit.name(), kind, defaults.services(), defaults.regions(),
        CAP_CHISINAU.equals(unit.id()) ? shelterPlaces : null);
    agency.place(defaults.district(), defaults.language(), defaults.country(), defaults.consentPurpose());
    agencies.save(agency);
    known.add(unit.id());
    return 1;
  }
}
