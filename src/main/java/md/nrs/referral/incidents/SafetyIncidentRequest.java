package md.nrs.referral.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.OneOf;

/**
 * A safety incident as posted: what happened (a closed list), the day it happened (today or earlier in
 * Chisinau: the validator uses the platform clock) and an optional note, possibly personal, kept sealed.
 */
public record SafetyIncidentRequest(
    @Schema(description = "What happened", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
        "trafficker-contact", "threat", "violence", "disappearance", "self-harm", "media-exposure", "other"})
    @NotNull(message = "give the kind of incident") @OneOf(value = {"trafficker-contact", "threat", "violence",
        "disappearance", "self-harm", "media-exposure", "other"}, message = "must be one of trafficker-contact, threat, "
        + "violence, disappearance, self-harm, media-exposure, other") String kind,
    @Schema(description = "The day it happened (Chisinau), not in the future", example = "2026-12-01",
        requiredMode = Schema.RequiredMode.REQUIRED)
    @NotNull(message = "give the day it happened") @PastOrPresent(message = "cannot be in the future") LocalDate occurredOn,
    @Schema(description = "Optional note for the coordinators; treated as personal data: stored sealed, never in the "
        + "process or the logs", maxLength = IncidentLimits.NOTE_MAX)
    @Size(max = IncidentLimits.NOTE_MAX, message = "at most " + IncidentLimits.NOTE_MAX + " characters") String note) {

  /** Never the note. */
  @Override
  public String toString() {
    return "SafetyIncidentRequest[" + kind + ", " + occurredOn + (note == null ? "" : ", note withheld") + "]";
  }
}
