package md.nrs.referral.casefile;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's clock: Moldovan time by default, so "today", years and working days are Chisinau's. */
@Configuration
public class ClockConfiguration {

  @Bean
  Clock clock(@Value("${nrs.time-zone:Europe/Chisinau}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }

  /**
   * Bean Validation's "past" and "future" (a report's date, a meeting's date) read the same clock: otherwise
   * they read the server's zone, and between midnight in Chisinau and midnight in the server's zone a date
   * that is today in Chisinau is refused as "in the future".
   */
  @Bean
  ValidationConfigurationCustomizer validationClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock);
  }
}
