package md.nrs.referral.identity;

import md.nrs.referral.agencies.AgencyDirectorySeeder;
import md.nrs.referral.cluster.StartupLock;
import md.nrs.referral.tasklist.TasklistFilterSeeder;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds groups, the agency directory, authorizations, the administrator, demo users and Tasklist
 * filters before the web server opens. It runs in one transaction holding the engine's deployment lock
 * row, so nodes of a cluster starting together seed one after the other instead of creating duplicates;
 * on PostgreSQL the whole start-up is also serialised by {@link StartupLock}, released here when seeding
 * is done.
 */
@Component
public class PlatformSeeding implements SmartInitializingSingleton {

  private final ProcessEngine engine;
  private final DirectoryProperties directory;
  private final AdminProperties admin;
  private final DemoProperties demo;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final StartupLock startupLock;
  private final AgencyDirectorySeeder agencyDirectory;

  public PlatformSeeding(ProcessEngine engine, DirectoryProperties directory, AdminProperties admin,
      DemoProperties demo, JdbcTemplate jdbc, TransactionTemplate transaction, StartupLock startupLock,
      AgencyDirectorySeeder agencyDirectory) {
    this.engine = engine;
    this.directory = directory;
    this.admin = admin;
    this.demo = demo;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.startupLock = startupLock;
    this.agencyDirectory = agencyDirectory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    transaction.executeWithoutResult(status -> {
      jdbc.queryForList("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE");
      new IdentitySeeder(engine, directory, admin).seed();
      agencyDirectory.seed(); // after the groups of nrs.directory exist
      new DemoUserSeeder(engine, demo).seed();
      new TasklistFilterSeeder(engine).seed();
    });
    startupLock.release();
  }
}
