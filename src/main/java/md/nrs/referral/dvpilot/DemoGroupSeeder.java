package md.nrs.referral.dvpilot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import md.nrs.referral.identity.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: two groups of the pilot so that enrolment can be tried at once, a victims' group led by
 * Women's Initiative and a perpetrators' group led by CAP Chisinau, both starting next Monday. In production
 * administrators add the real groups (POST /api/dv-groups).
 */
@Component
public class DemoGroupSeeder implements SmartInitializingSingleton {

  public static final String DEMO_VICTIMS_GROUP = "dv-victims-demo";
  public static final String DEMO_PERPETRATORS_GROUP = "dv-perpetrators-demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoGroupSeeder.class);

  private final DvGroupRepository groups;
  private final DemoProperties demo;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public DemoGroupSeeder(DvGroupRepository groups, DemoProperties demo, TransactionTemplate transaction, Clock clock) {
    this.groups = groups;
    this.demo = demo;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!demo.enabled()) {
      return;
    }
    LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    try {
      transaction.executeWithoutResult(status -> {
        seed(DEMO_VICTIMS_GROUP, DvGroup.KIND_VICTIM, "womens-initiative", monday);
        seed(DEMO_PERPETRATORS_GROUP, DvGroup.KIND_PERPETRATOR, "cap-chisinau", monday);
      });
    } catch (DataIntegrityViolationException seededByAnotherNode) {
      LOG.info("Demo counselling groups seeded by another node");
    }
  }

  private void seed(String id, String kind, String agency, LocalDate startsOn) {
    if (!groups.existsById(id)) {
      groups.save(new DvGroup(id, kind, 12, startsOn, agency, clock.instant()));
      LOG.info("Demo counselling group {} ({}) seeded", id, kind);
    }
  }
}
