package md.nrs.referral.analytics;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** JAX-RS root of the plugin: {@code plugin/nrs-analytics/{engine}/...} inside Cockpit's own API. */
@Path("plugin/" + AnalyticsCockpitPlugin.ID)
public class AnalyticsPluginRootResource extends AbstractCockpitPluginRootResource {

  public AnalyticsPluginRootResource() {
    super(AnalyticsCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public AnalyticsPluginResource analytics(@PathParam("engineName") String engineName) {
    return subResource(new AnalyticsPluginResource(engineName), engineName);
  }
}
