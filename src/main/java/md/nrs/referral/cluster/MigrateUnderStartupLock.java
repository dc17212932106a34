package md.nrs.referral.cluster;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's Flyway migrations run under the start-up lock too: they are the first thing a node does. */
@Configuration
public class MigrateUnderStartupLock {

  @Bean
  FlywayMigrationStrategy flywayMigrationUnderStartupLock(StartupLock startupLock) {
    return flyway -> {
      startupLock.acquire();
      flyway.migrate();
    };
  }
}
