package md.nrs.referral.statistics;

import java.time.Instant;
import java.time.LocalDate;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * National statistics for the Permanent Secretariat (and managers, administrators): CSV and a printable
 * HTML report. The period is {@code year=2025}, or {@code from}/{@code to} days (both included), e.g.
 * the half-year 2026-01-01 to 2026-06-30.
 */
@RestController
@RequestMapping("/api/statistics")
public class StatisticsController {

  /** The Permanent Secretariat's group (an agency of nrs.directory). */
  public static final String PERMANENT_SECRETARIAT = "permanent-secretariat";
  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final NationalStatistics statistics;
  private final IdentityService identity;
  private final String platformName;

  public StatisticsController(NationalStatistics statistics, IdentityService identity,
      @Value("${nrs.platform-name:NRS Referral Platform}") String platformName) {
    this.statistics = statistics;
    this.identity = identity;
    this.platformName = platformName;
  }

  @GetMapping("/national.csv")
  public ResponseEntity<?> csv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return answer(year, from, to, report -> ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nrs-national-statistics-" + report.firstDay()
            + "-" + report.lastDay() + ".csv\"")
        .body(report.csv()));
  }

  /** The same figures as JSON, each table saying what it counts ({@code unit}: persons or cases, ...). */
  @GetMapping(value = "/national.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> json(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return answer(year, from, to, report -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.json()));
  }

  @GetMapping("/national.html")
  public ResponseEntity<?> html(@RequestParam(required = false) Integer year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return answer(year, from, to, report -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
        .body(report.html(platformName)));
  }

  private ResponseEntity<?> answer(Integer year, String from, String to,
      java.util.function.Function<StatisticsReport, ResponseEntity<?>> render) {
    Caller.current(identity).require("Only the Permanent Secretariat, managers and administrators may read the national statistics",
        PERMANENT_SECRETARIAT, NrsRole.MANAGERS.groupId(), NrsRole.ADMINISTRATORS.groupId());
    Period period;
    try {
      if (year != null) {
        if (from != null || to != null) {
          throw new IllegalArgumentException("give either 'year' or 'from' and 'to'");
        }
        if (year < 2000 || year > 2100) {
          throw new IllegalArgumentException("'year' must be between 2000 and 2100");
        }
        period = Period.ofDays(LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(), Instant.now());
      } else {
        if (from == null || to == null) {
          throw new IllegalArgumentException("give 'year', or 'from' and 'to' (yyyy-MM-dd)");
        }
        period = Period.ofDays(from, to, Instant.now());
      }
    } catch (IllegalArgumentException e) {
      throw new ApiProblem.Invalid(e.getMessage());
    }
    return render.apply(statistics.compute(period));
  }

}
