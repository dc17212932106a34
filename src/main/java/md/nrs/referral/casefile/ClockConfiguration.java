package md.nrs.referral.casefile;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's clock: Moldovan time by default, so "today", years and working days are Chisinau's. */
@Configuration
public class ClockConfiguration {

  @Bean
  Clock clock(@Value("${nrs.time-zone:Europe/Chisinau}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
