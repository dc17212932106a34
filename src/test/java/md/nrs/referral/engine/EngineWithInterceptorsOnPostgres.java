package md.nrs.referral.engine;

import java.util.List;
import md.nrs.referral.testing.PostgresDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * A bare engine on a throw-away PostgreSQL database, authorizations on, with the platform's statement interceptors in
 * the order given: what the tests of those interceptors compare against the engine's own statements.
 */
final class EngineWithInterceptorsOnPostgres {

  private EngineWithInterceptorsOnPostgres() {
  }

  static ProcessEngine build(PostgresDatabase database, String name, List<ProcessEnginePlugin> interceptors) {
    StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration().setJdbcUrl(database.url()).setJdbcUsername(database.user())
        .setJdbcPassword(database.password()).setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setJobExecutorActivate(false)
        .setProcessEngineName(name + "-" + System.nanoTime());
    configuration.setAuthorizationEnabled(true);
    configuration.getProcessEnginePlugins().addAll(interceptors);
    return configuration.buildProcessEngine();
  }
}
