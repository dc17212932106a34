package md.nrs.referral.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds, in every profile, the NRS agencies, teams and roles as Camunda groups, what each role may do,
 * and the first administrator. Nothing here grants access to a case: that comes with a task's
 * candidate group, so each agency sees only its own work.
 */
public class IdentitySeeder {

  public static final String TYPE_AGENCY = "agency";
  public static final String TYPE_TEAM = "team";
  public static final String TYPE_ROLE = "role";
  /** The processes people start by hand (in Tasklist or over REST). */
  static final java.util.List<String> STARTABLE_PROCESSES = java.util.List.of(md.nrs.referral.casepath.NrsCaseProcess.KEY,
      md.nrs.referral.hotline.HotlineCallProcess.KEY, md.nrs.referral.dvpilot.DvGroupCounsellingProcess.KEY,
      md.nrs.referral.crossborder.OutboundReferralProcess.KEY);
  /**
   * Startable processes meant for some agencies only (their groups): hotline calls for the agencies that run a
   * line, DV pilot enrolment for the pilot's agencies. The others are for all caseworkers and coordinators.
   */
  static final java.util.Map<String, java.util.List<String>> STARTED_ONLY_BY = java.util.Map.of(
      md.nrs.referral.hotline.HotlineCallProcess.KEY, md.nrs.referral.hotline.HotlineCallProcess.OPERATOR_AGENCIES,
      md.nrs.referral.dvpilot.DvGroupCounsellingProcess.KEY, md.nrs.referral.dvpilot.DvGroupCounsellingProcess.ENROLLING_AGENCIES);
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final IdentityService identity;
  private final Grants grants;
  private final DirectoryProperties directory;
  private final AdminProperties admin;

  public IdentitySeeder(ProcessEngine engine, DirectoryProperties directory, AdminProperties admin) {
    this.identity = engine.getIdentityService();
    this.grants = new Grants(engine.getAuthorizationService());
    this.directory = directory;
    this.admin = admin;
  }

  public void seed() {
    directory.agencies().forEach(a -> group(a.id(), a.name(), TYPE_AGENCY));
    directory.teams().forEach(t -> group(t.id(), t.name(), TYPE_TEAM));
    for (NrsRole role : NrsRole.values()) {
      group(role.groupId(), role.groupName(), role == NrsRole.ADMINISTRATORS ? Groups.GROUP_TYPE_SYSTEM : TYPE_ROLE);
    }
    grantRolePermissions();
    seedAdministrator();
    LOG.info("Directory seeded: {} agencies, {} teams, {} roles",
        directory.agencies().size(), directory.teams().size(), NrsRole.values().length);
  }

  private void grantRolePermissions() {
    String all = Grants.ANY;
    // Caseworkers and coordinators: Tasklist, and start a case (only the case: the processes it calls
    // start from it, never by hand).
    for (NrsRole role : new NrsRole[] {NrsRole.CASEWORKERS, NrsRole.NRS_COORDINATORS, NrsRole.POLICY_STAFF}) {
      grants.toGroup(role.groupId(), Resources.APPLICATION, "tasklist", ACCESS);
    }
    for (NrsRole role : new NrsRole[] {NrsRole.CASEWORKERS, NrsRole.NRS_COORDINATORS}) {
      grants.toGroup(role.groupId(), Resources.PROCESS_DEFINITION, all, READ);
      for (String startable : STARTABLE_PROCESSES) {
        if (!STARTED_ONLY_BY.containsKey(startable)) {
          grants.toGroup(role.groupId(), Resources.PROCESS_DEFINITION, startable, READ, CREATE_INSTANCE);
        }
      }
      grants.toGroup(role.groupId(), Resources.PROCESS_INSTANCE, all, CREATE);
    }
    // Hotline calls are recorded by the agencies that run a line (La Strada, Interaction); the DV pilot's
    // agencies enrol participants. Nobody else starts these.
    STARTED_ONLY_BY.forEach((startable, groups) -> groups.forEach(group -> {
      grants.toGroup(group, Resources.PROCESS_DEFINITION, startable, READ, CREATE_INSTANCE);
      grants.toGroup(group, Resources.PROCESS_INSTANCE, all, CREATE);
    }));
    // Managers analyse in Cockpit, read-only. Process variables hold no personal data (DESIGN.md §6).
    NrsRole manager = NrsRole.MANAGERS;
    grants.toGroup(manager.groupId(), Resources.APPLICATION, "cockpit", ACCESS);
    grants.toGroup(manager.groupId(), Resources.PROCESS_DEFINITION, all, READ, READ_INSTANCE, READ_HISTORY);
    grants.toGroup(manager.groupId(), Resources.PROCESS_INSTANCE, all, READ);
    grants.toGroup(manager.groupId(), Resources.TASK, all, READ);
    grants.toGroup(manager.groupId(), Resources.DECISION_DEFINITION, all, READ, READ_HISTORY);
    grants.toGroup(manager.groupId(), Resources.DECISION_REQUIREMENTS_DEFINITION, all, READ);
    grants.toGroup(manager.groupId(), Resources.DEPLOYMENT, all, READ);
    // ...and retry a failed delivery to an agency once its system is back (the incident in Cockpit)
    grants.toGroup(manager.groupId(), Resources.PROCESS_DEFINITION, md.nrs.referral.agencies.OutboxAgencyNotifications.DELIVERY_PROCESS,
        READ, READ_INSTANCE, READ_HISTORY, org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB);
    // Policy staff read the models in Cockpit and deploy revisions (from Camunda Modeler or curl); every
    // deployment passes the validation gate (models/RevisionGate). Nobody else but administrators deploys.
    NrsRole policy = NrsRole.POLICY_STAFF;
    grants.toGroup(policy.groupId(), Resources.DEPLOYMENT, all, CREATE);
    grants.toGroup(policy.groupId(), Resources.APPLICATION, "cockpit", ACCESS);
    grants.toGroup(policy.groupId(), Resources.PROCESS_DEFINITION, all, READ);
    grants.toGroup(policy.groupId(), Resources.DECISION_DEFINITION, all, READ);
    grants.toGroup(policy.groupId(), Resources.DECISION_REQUIREMENTS_DEFINITION, all, READ);
    grants.toGroup(policy.groupId(), Resources.DEPLOYMENT, all, READ);
    // Administrators: everything, as Camunda's own camunda-admin group.
    for (Resources resource : Resources.values()) {
      grants.toGroup(NrsRole.ADMINISTRATORS.groupId(), resource, all, ALL);
    }
  }

  private void seedAdministrator() {
    if (identity.createUserQuery().userId(admin.id()).count() > 0) {
      return; // an administrator may have changed the password since: never reset it
    }
    if (admin.password() == null || admin.password().isBlank()) {
      throw new IllegalStateException("No administrator password: set NRS_ADMIN_PASSWORD");
    }
    User user = identity.newUser(admin.id());
    user.setFirstName("Platform");
    user.setLastName("Administrator");
    user.setPassword(admin.password());
    identity.saveUser(user); // refused by the password policy if weak
    identity.createMembership(admin.id(), NrsRole.ADMINISTRATORS.groupId());
    LOG.info("Administrator '{}' created", admin.id());
  }

  private void group(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }
}
