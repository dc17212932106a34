package md.nrs.referral.analytics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.engine.Platform;
import md.nrs.referral.sla.StepTimeLimits;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AnalyticsConfiguration {

  /** The queries with the directory's agency names and the SLA table's limits; also what the Cockpit plugin uses. */
  @Bean
  BottleneckQueries bottleneckQueries(DataSource dataSource, Agencies agencies, StepTimeLimits limits,
      ProcessEngine engine) {
    BottleneckQueries queries = new BottleneckQueries(dataSource, ids -> names(ids, agencies, engine),
        limits::standardLimit);
    AnalyticsPluginResource.use(queries);
    return queries;
  }

  /** The directory's name; a candidate group that is a role, not an agency (NRS coordinators), has its group name. */
  static Map<String, String> names(Collection<String> ids, Agencies agencies, ProcessEngine engine) {
    Map<String, String> names = new HashMap<>(agencies.names(ids));
    String[] others = ids.stream().filter(id -> !names.containsKey(id)).toArray(String[]::new);
    if (others.length > 0) {
      Platform.asPlatform(engine.getIdentityService(), () -> engine.getIdentityService().createGroupQuery()
          .groupIdIn(others).list()).stream().filter(g -> g.getName() != null)
          .forEach((Group g) -> names.put(g.getId(), g.getName()));
    }
    return names;
  }
}
