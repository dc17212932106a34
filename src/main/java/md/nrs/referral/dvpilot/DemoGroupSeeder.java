package md.nrs.referral.dvpilot;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import md.nrs.referral.identity.DemoProperties;
import md.nrs.referral.identity.PlatformSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: two groups of the pilot so that enrolment can be tried at once, a victims' group led by
 * Women's Initiative and a perpetrators' group led by CAP Chisinau, both starting next Monday. In production
 * administrators add the real groups (POST /api/dv-groups).
 */
@Component
public class DemoGroupSeeder implements PlatformSeeder {

  public static final String DEMO_VICTIMS_GROUP = "dv-victims-demo";
  public static final String DEMO_PERPETRATORS_GROUP = "dv-perpetrators-demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoGroupSeeder.class);

  private final DvGroupRepository groups;
  private final DemoProperties demo;
  private final Clock clock;

  public DemoGroupSeeder(DvGroupRepository groups, DemoProperties demo, Clock clock) {
    this.groups = groups;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public int order() {
    return DEMO_DATA;
  }

  /** In the start-up seeding's transaction, under its lock: another node seeds before or after, never alongside. */
  @Override
  public void seed() {
    if (!demo.enabled()) {
      return;
    }
    LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    seed(DEMO_VICTIMS_GROUP, DvGroup.KIND_VICTIM, "womens-initiative", monday);
    seed(DEMO_PERPETRATORS_GROUP, DvGroup.KIND_PERPETRATOR, "cap-chisinau", monday);
  }

  private void seed(String id, String kind, String agency, LocalDate startsOn) {
    if (!groups.existsById(id)) {
      groups.save(new DvGroup(id, kind, 12, startsOn, agency, clock.instant()));
      LOG.info("Demo counselling group {} ({}) seeded", id, kind);
    }
  }
}
