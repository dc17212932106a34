package md.nrs.referral.engine;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's clock ({@link PlatformClock}): Moldovan time by default, so "today", years and working days are Chisinau's. */
@Configuration
public class ClockConfiguration {

  @Bean
  Clock clock(@Value("${" + PlatformClock.ZONE_SETTING + ":Europe/Chisinau}") String zone) {
    return PlatformClock.configure(ZoneId.of(zone));
  }

  /**
   * Bean Validation's "past or present" must mean Chisinau's today, not the server's: on a server in UTC,
   * between 00:00 and 02:00/03:00 in Chisinau, today's date was refused as "in the future".
   */
  @Bean
  ValidationConfigurationCustomizer validationUsesThePlatformClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
