package md.nrs.referral.agencies.delivery;

import md.nrs.referral.identity.Grants;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.identity.PlatformSeeder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Managers retry a failed delivery to an agency once its system is back (the incident in Cockpit). */
@Component
public class DeliveryRetryGrant implements PlatformSeeder {

  private final Grants grants;

  public DeliveryRetryGrant(ProcessEngine engine) {
    this.grants = new Grants(engine.getAuthorizationService());
  }

  @Override
  public int order() {
    return GRANTS;
  }

  @Override
  public void seed() {
    grants.toGroup(NrsRole.MANAGERS.groupId(), Resources.PROCESS_DEFINITION, OutboxAgencyNotifications.DELIVERY_PROCESS,
        Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
  }
}
