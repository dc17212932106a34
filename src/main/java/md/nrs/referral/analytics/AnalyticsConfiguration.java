package md.nrs.referral.analytics;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AnalyticsConfiguration {

  @Bean
  BottleneckQueries bottleneckQueries(DataSource dataSource) {
    return new BottleneckQueries(dataSource);
  }
}
