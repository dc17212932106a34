package md.nrs.referral.agencies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What one agency must know about one step of a case: the case code, the step, what is asked and by
 * when. Never personal data: the agency looks the person up through the case view, with consent.
 * {@code processKey} is set for a new user task of the agency (its step is the task's id in that process,
 * so the task's name is read in the agency's language); null for the notices steps write themselves.
 */
public record AgencyNotification(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]") String agencyId,
    @NotBlank @Pattern(regexp = "NRS-\\d{4}-\\d{6,}") String caseCode,
    @NotBlank @Size(max = 100) String step,
    @NotBlank @Size(max = 500) String request,
    Instant dueAt,
    @Size(max = 64) String processInstanceId,
    @Size(max = 64) String processKey) {

  /** A notice a step writes itself (not a new task). */
  public AgencyNotification(String agencyId, String caseCode, String step, String request, Instant dueAt,
      String processInstanceId) {
    this(agencyId, caseCode, step, request, dueAt, processInstanceId, null);
  }
}
