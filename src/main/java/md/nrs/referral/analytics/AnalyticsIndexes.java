package md.nrs.referral.analytics;

import javax.sql.DataSource;
import md.nrs.referral.engine.EngineIndexes;
import md.nrs.referral.engine.EngineStartup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * The index the bottleneck queries need on the engine's history, created once the engine has built
 * its schema ({@link EngineIndexes} says why not by Flyway).
 *
 * <p>One covering index serves both queries: the period's range on END_TIME_ (or END_TIME_ IS NULL for
 * what waits now), then key, activity, type and duration, so PostgreSQL answers from the index alone.
 */
@Component
public class AnalyticsIndexes implements EngineStartup {

  static final String[] STATEMENTS = {
      "CREATE INDEX IF NOT EXISTS NRS_IDX_HI_ACT_END_KEY ON ACT_HI_ACTINST (END_TIME_, PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_, DURATION_)"
  };

  private final DataSource dataSource;

  public AnalyticsIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterEngineBuilt(ProcessEngine processEngine) {
    create(dataSource);
  }

  public static void create(DataSource dataSource) {
    // the analytics still work without it, only slower: never stop the platform for it
    EngineIndexes.create(dataSource, "Analytics", STATEMENTS);
  }
}
