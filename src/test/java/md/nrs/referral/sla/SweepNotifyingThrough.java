package md.nrs.referral.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.engine.OpenTaskRows;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/** Today's sweep of a running platform, telling the agencies through another port (for a benchmark's before/after). */
public final class SweepNotifyingThrough {

  private SweepNotifyingThrough() {
  }

  public static SlaWatch of(ApplicationContext context, AgencyNotifications notifications, int page) {
    Duration reminderBefore = context.getEnvironment().getProperty("nrs.sla.reminder-before", Duration.class,
        Duration.ofHours(24));
    return new SlaWatch(context.getBean(ProcessEngine.class), context.getBean(OpenTaskRows.class),
        context.getBean(SlaEventInserts.class), notifications, context.getBean(MeterRegistry.class), reminderBefore, page);
  }
}
