package md.nrs.referral.analytics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The figures the Cockpit plugin draws. Cockpit's own filter has already required a login with Cockpit
 * access; here only managers and administrators pass (policy staff also use Cockpit, but not this).
 */
public class AnalyticsPluginResource extends AbstractCockpitPluginResource {

  static final int DASHBOARD_SIZE = 15;
  /** The Spring bean (agency names, time limits); Jersey builds this resource, not Spring. */
  private static volatile BottleneckQueries configured;

  static void use(BottleneckQueries queries) {
    configured = queries;
  }

  public AnalyticsPluginResource(String engineName) {
    super(engineName);
  }

  /** Per activity of the process definition's model (all versions of its key), for the diagram overlay. */
  @GET
  @Path("process-definition/{id}/activities")
  @Produces(MediaType.APPLICATION_JSON)
  public Figures activities(@PathParam("id") String processDefinitionId, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    requireManager();
    Period period = period(from, to);
    ProcessDefinition definition = getProcessEngine().getRepositoryService().getProcessDefinition(processDefinitionId);
    return new Figures(period, queries().forProcess(definition.getKey(), period, now()));
  }

  /** The worst wait states across all processes, for the dashboard. */
  @GET
  @Path("bottlenecks")
  @Produces(MediaType.APPLICATION_JSON)
  public Figures bottlenecks(@QueryParam("from") String from, @QueryParam("to") String to) {
    requireManager();
    Period period = period(from, to);
    return new Figures(period, queries().topBottlenecks(period, now(), DASHBOARD_SIZE));
  }

  /** The answer: the period (ISO instants) and the figures. */
  public record Figures(String from, String to, List<ActivityFigures> activities) {
    Figures(Period period, List<ActivityFigures> activities) {
      this(period.from().toString(), period.to().toString(), activities);
    }
  }

  private void requireManager() {
    List<String> groups = Caller.current(getProcessEngine().getIdentityService()).groups();
    if (!AnalyticsAccess.mayRead(groups)) {
      throw new org.camunda.bpm.engine.rest.exception.RestException(Status.FORBIDDEN, AnalyticsAccess.DENIED);
    }
  }

  private static Period period(String from, String to) {
    try {
      return Period.ofDays(from, to, now());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Status.BAD_REQUEST, e.getMessage());
    }
  }

  private BottleneckQueries queries() {
    BottleneckQueries queries = configured;
    return queries != null ? queries
        : new BottleneckQueries(getProcessEngine().getProcessEngineConfiguration().getDataSource());
  }

  private static Instant now() {
    return PlatformClock.now();
  }
}
