package md.nrs.referral.identity;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link PlatformSeeder} (groups, the agency directory, authorizations, the administrator, demo
 * users, Tasklist filters, demo data) in their order before the web server opens. It runs in one
 * transaction holding the engine's deployment lock row, so nodes of a cluster starting together seed one
 * after the other instead of creating duplicates; on PostgreSQL the whole start-up is also serialised by
 * the start-up lock, released here (by {@link StartupDone}) when seeding is done.
 */
@Component
public class PlatformSeeding implements SmartInitializingSingleton {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final List<PlatformSeeder> seeders;
  private final List<StartupDone> done;

  public PlatformSeeding(JdbcTemplate jdbc, TransactionTemplate transaction, List<PlatformSeeder> seeders,
      List<StartupDone> done) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.seeders = seeders.stream().sorted(Comparator.comparingInt(PlatformSeeder::order)).toList();
    this.done = List.copyOf(done);
  }

  @Override
  public void afterSingletonsInstantiated() {
    transaction.executeWithoutResult(status -> {
      jdbc.queryForList("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE");
      seeders.forEach(PlatformSeeder::seed);
    });
    done.forEach(StartupDone::startupDone);
  }

  /** Told once this node's start-up work (schema, models, seeding) is finished: the start-up lock lets go. */
  public interface StartupDone {
    void startupDone();
  }
}
