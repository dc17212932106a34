package md.nrs.referral.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds, in every profile, the NRS agencies, teams and roles as Camunda groups, what each role may do,
 * and the first administrator. Nothing here grants access to a case: that comes with a task's
 * candidate group, so each agency sees only its own work.
 */
@Component
public class IdentitySeeder implements PlatformSeeder {

  public static final String TYPE_AGENCY = "agency";
  public static final String TYPE_TEAM = "team";
  public static final String TYPE_ROLE = "role";
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final IdentityService identity;
  private final Grants grants;
  private final DirectoryProperties directory;
  private final AdminProperties admin;
  /** The processes people start by hand, each contributed by its own package. */
  private final List<StartableProcess> startable;

  public IdentitySeeder(ProcessEngine engine, DirectoryProperties directory, AdminProperties admin,
      List<StartableProcess> startable) {
    this.identity = engine.getIdentityService();
    this.grants = new Grants(engine.getAuthorizationService());
    this.directory = directory;
    this.admin = admin;
    this.startable = List.copyOf(startable);
  }

  @Override
  public int order() {
    return GROUPS;
  }

  @Override
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
      for (StartableProcess process : startable) {
        if (process.onlyBy().isEmpty()) {
          grants.toGroup(role.groupId(), Resources.PROCESS_DEFINITION, process.key(), READ, CREATE_INSTANCE);
        }
      }
      grants.toGroup(role.groupId(), Resources.PROCESS_INSTANCE, all, CREATE);
    }
    // Hotline calls are recorded by the agencies that run a line (La Strada, Interaction); the DV pilot's
    // agencies enrol participants. Nobody else starts these.
    startable.forEach(process -> process.onlyBy().forEach(group -> {
      grants.toGroup(group, Resources.PROCESS_DEFINITION, process.key(), READ, CREATE_INSTANCE);
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
    // (the retry of a failed delivery to an agency is granted by agencies/, which owns that process)
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
