package md.nrs.referral.testing;

import static md.nrs.referral.agencies.AgencyNotificationProcess.AGENCY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import md.nrs.referral.agencies.delivery.OutboxAgencyNotifications;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

/** The delivery jobs of one agency's notifications, run by hand in tests that keep the job executor off. */
public final class DeliveryJobs {

  private DeliveryJobs() {
  }

  public static List<Job> of(ProcessEngine engine, String agencyId) {
    return engine.getManagementService().createJobQuery().processDefinitionKey(OutboxAgencyNotifications.DELIVERY_PROCESS)
        .list().stream().filter(job -> {
          var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
              .singleResult();
          return instance != null && agencyId.equals(engine.getRuntimeService().getVariable(instance.getId(), AGENCY_ID.name()));
        }).toList();
  }

  /** Runs the agency's one pending delivery job (as the job executor would). */
  public static void runTheOne(ProcessEngine engine, String agencyId) {
    List<Job> jobs = of(engine, agencyId);
    assertThat(jobs).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }
}
