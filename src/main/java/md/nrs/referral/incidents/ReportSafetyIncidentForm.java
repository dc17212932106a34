package md.nrs.referral.incidents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The start form in Tasklist: which case (its code only), what happened and the day — codes, no note about the
 * person. Who may report on the case is checked by {@link ReportSafetyIncidentOnCase}.
 */
@FormContract(SafetyIncidentReportProcess.FORM_REPORT_SAFETY_INCIDENT)
public record ReportSafetyIncidentForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotNull(message = "give the kind of incident") @OneOf(value = {"trafficker-contact", "threat", "violence",
        "disappearance", "self-harm", "media-exposure", "other"}, message = "must be one of trafficker-contact, threat, "
        + "violence, disappearance, self-harm, media-exposure, other") String incidentKind,
    @NotNull(message = "give the day it happened") @PastOrPresent(message = "cannot be in the future") LocalDate incidentOccurredOn) {
}
