package md.nrs.referral.reporting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;

/** The NRS coordinators record the half-year report sent to the Permanent Secretariat. The note must not name or locate anyone. */
@FormContract(ReportingDeadlinesProcess.FORM_SECRETARIAT_HALF_YEAR)
public record HalfYearReportForm(
    @NotBlank(message = "is required") @Size(max = 100) String reportReference,
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate submittedOn,
    @Size(max = 1000) String reportNote) {
}
