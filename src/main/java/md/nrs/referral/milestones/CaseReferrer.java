package md.nrs.referral.milestones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who referred a case (table nrs_case_referrer, Flyway V18): an agency of the directory and the way in. */
@Entity
@Table(name = "nrs_case_referrer")
public class CaseReferrer {

  public static final String VIA_INTAKE_API = "intake-api";
  public static final String VIA_TASKLIST = "tasklist";

  @Id
  @Column(name = "case_code")
  private String caseCode;

  @Column(name = "agency_id", nullable = false, updatable = false)
  private String agencyId;

  @Column(name = "referred_via", nullable = false, updatable = false)
  private String referredVia;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected CaseReferrer() {
  }

  CaseReferrer(String caseCode, String agencyId, String referredVia, Instant recordedAt) {
    this.caseCode = caseCode;
    this.agencyId = agencyId;
    this.referredVia = referredVia;
    this.recordedAt = recordedAt;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public String getReferredVia() {
    return referredVia;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
