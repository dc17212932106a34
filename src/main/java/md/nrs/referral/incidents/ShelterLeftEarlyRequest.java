package md.nrs.referral.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The person left the shelter before the end of the stay: the day (not in the future) and an optional sealed note. */
public record ShelterLeftEarlyRequest(
    @Schema(description = "The day the person left (Chisinau), not in the future", example = "2026-12-01",
        requiredMode = Schema.RequiredMode.REQUIRED)
    @NotNull(message = "give the day the person left") @PastOrPresent(message = "cannot be in the future") LocalDate leftOn,
    @Schema(description = "Optional note; treated as personal data: stored sealed, never in the process or the logs",
        maxLength = IncidentLimits.NOTE_MAX)
    @Size(max = IncidentLimits.NOTE_MAX, message = "at most " + IncidentLimits.NOTE_MAX + " characters") String note) {

  /** The kind recorded for an early leave (one kind: the duplicate check keys on it). */
  static final String KIND = "left-early";

  /** Never the note. */
  @Override
  public String toString() {
    return "ShelterLeftEarlyRequest[" + leftOn + (note == null ? "" : ", note withheld") + "]";
  }
}
