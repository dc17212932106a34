package md.nrs.referral.analytics;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The bottleneck analytics inside Cockpit (community plugin API, registered in META-INF/services): the
 * frontend module {@code plugin-webapp/nrs-analytics/app/plugin.js} that Cockpit loads for every
 * registered plugin (diagram overlay and dashboard panel), and its resource under
 * {@code /camunda/api/cockpit/plugin/nrs-analytics/default/...}, reached with the Cockpit login session.
 */
public class AnalyticsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "nrs-analytics";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(AnalyticsPluginRootResource.class);
  }
}
