package md.nrs.referral.analytics;

import java.time.Instant;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.errors.ApiProblem;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cockpit figures for people who prefer a spreadsheet: JSON and CSV, managers and administrators
 * only (HTTP Basic, like the rest of /api). {@code from} and {@code to} are days (yyyy-MM-dd, both
 * included, Chisinau time); without them the last 30 days.
 */
@RestController
@RequestMapping("/api/analytics")
public class BottleneckController {

  static final int MAX_LIMIT = 200;
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final BottleneckQueries queries;
  private final IdentityService identity;

  public BottleneckController(BottleneckQueries queries, IdentityService identity) {
    this.queries = queries;
    this.identity = identity;
  }

  @GetMapping("/bottlenecks")
  public ResponseEntity<?> bottlenecks(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "20") int limit) {
    return answer(from, to, limit, false, period -> queries.topBottlenecks(period, now(), limit));
  }

  @GetMapping("/bottlenecks.csv")
  public ResponseEntity<?> bottlenecksCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "20") int limit) {
    return answer(from, to, limit, true, period -> queries.topBottlenecks(period, now(), limit));
  }

  @GetMapping("/processes/{key}/activities")
  public ResponseEntity<?> activities(@PathVariable String key, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return answer(from, to, 1, false, period -> sorted(queries.forProcess(key, period, now())));
  }

  @GetMapping("/processes/{key}/activities.csv")
  public ResponseEntity<?> activitiesCsv(@PathVariable String key, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return answer(from, to, 1, true, period -> sorted(queries.forProcess(key, period, now())));
  }

  private ResponseEntity<?> answer(String from, String to, int limit, boolean csv,
      java.util.function.Function<Period, List<ActivityFigures>> query) {
    Caller.current(identity).require(AnalyticsAccess.DENIED, AnalyticsAccess.READERS);
    Period period;
    try {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT);
      }
      period = Period.ofDays(from, to, now());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem.Invalid(e.getMessage());
    }
    List<ActivityFigures> figures = query.apply(period);
    if (!csv) {
      return ResponseEntity.ok(figures);
    }
    StringBuilder body = new StringBuilder(ActivityFigures.CSV_HEADER).append("\r\n");
    figures.forEach(f -> body.append(f.csvRow()).append("\r\n"));
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nrs-bottlenecks.csv\"")
        .body(body.toString());
  }

  private static List<ActivityFigures> sorted(List<ActivityFigures> figures) {
    return figures.stream().sorted(BottleneckQueries.WORST_FIRST).toList();
  }

  /** The engine's clock, so "overdue now" agrees with the engine's own due-date checks (and tests can move it). */
  private static Instant now() {
    return PlatformClock.now();
  }
}
