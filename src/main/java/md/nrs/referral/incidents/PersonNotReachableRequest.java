package md.nrs.referral.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Nobody on the case can reach the person: since which day (not in the future) and an optional sealed note. */
public record PersonNotReachableRequest(
    @Schema(description = "The day since which the person cannot be reached (Chisinau), not in the future",
        example = "2026-12-01", requiredMode = Schema.RequiredMode.REQUIRED)
    @NotNull(message = "give the day since which the person cannot be reached")
    @PastOrPresent(message = "cannot be in the future") LocalDate since,
    @Schema(description = "Optional note (who tried, how); treated as personal data: stored sealed, never in the process "
        + "or the logs", maxLength = IncidentLimits.NOTE_MAX)
    @Size(max = IncidentLimits.NOTE_MAX, message = "at most " + IncidentLimits.NOTE_MAX + " characters") String note) {

  /** The kind recorded (one kind: the duplicate check keys on it). */
  static final String KIND = "not-reachable";

  /** Never the note. */
  @Override
  public String toString() {
    return "PersonNotReachableRequest[" + since + (note == null ? "" : ", note withheld") + "]";
  }
}
