package md.nrs.referral.hotline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hotline and trustline calls per operator organisation and call type, for reporting:
 * {@code GET /api/hotline/calls/summary?from=2026-01-01&to=2026-06-30} (days in Chisinau, both
 * inclusive). Managers, NRS coordinators, the Permanent Secretariat and administrators may read it.
 */
@RestController
public class HotlineCallSummaryController {

  static final List<String> READERS = List.of(NrsRole.MANAGERS.groupId(), NrsRole.NRS_COORDINATORS.groupId(),
      "permanent-secretariat", NrsRole.ADMINISTRATORS.groupId());
  /** Longer periods are reported year by year. */
  static final int MAX_DAYS = 366;

  private final HotlineCallStatistics statistics;
  private final IdentityService identity;

  public HotlineCallSummaryController(HotlineCallStatistics statistics, IdentityService identity) {
    this.statistics = statistics;
    this.identity = identity;
  }

  @GetMapping("/api/hotline/calls/summary")
  public ResponseEntity<?> summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<String> groups = Caller.current(identity).groups();
    if (groups.stream().noneMatch(READERS::contains)) {
      return ResponseEntity.status(403).body(Map.of("type", "AuthorizationException",
          "message", "Only managers, NRS coordinators, the Permanent Secretariat and administrators may read call statistics"));
    }
    List<Map<String, String>> errors = new ArrayList<>();
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(error("to", "must not be before from"));
    } else if (start != null && end != null && start.plusDays(MAX_DAYS).isBefore(end)) {
      errors.add(error("to", "at most " + MAX_DAYS + " days after from"));
    }
    if (!errors.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "Invalid period: " + errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
      body.put("fieldErrors", errors);
      return ResponseEntity.badRequest().body(body);
    }
    return ResponseEntity.ok(statistics.summary(start, end));
  }

  private static LocalDate date(String field, String value, List<Map<String, String>> errors) {
    if (value == null || value.isBlank()) {
      errors.add(error(field, "is required (a date such as 2026-01-31)"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(error(field, "must be a date such as 2026-01-31"));
      return null;
    }
  }

  private static Map<String, String> error(String field, String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }
}
