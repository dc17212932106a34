package md.nrs.referral.hotline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
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
    Caller.current(identity).require(
        "Only managers, NRS coordinators, the Permanent Secretariat and administrators may read call statistics",
        READERS.toArray(String[]::new));
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (start != null && end != null && start.plusDays(MAX_DAYS).isBefore(end)) {
      errors.add(new FieldError("to", "at most " + MAX_DAYS + " days after from"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem.Invalid("Invalid period: " + errors.stream().map(FieldError::toString).toList(), errors);
    }
    return ResponseEntity.ok(statistics.summary(start, end));
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required (a date such as 2026-01-31)"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date such as 2026-01-31"));
      return null;
    }
  }
}
