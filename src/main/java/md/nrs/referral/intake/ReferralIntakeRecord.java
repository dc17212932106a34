package md.nrs.referral.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A referral received over the intake API (table nrs_referral_intake): which agency sent it under which
 * of its own references, and the case it opened. Unique per (agency, source reference).
 */
@Entity
@Table(name = "nrs_referral_intake")
public class ReferralIntakeRecord {

  @Id
  @Column(name = "case_code")
  private String caseCode;

  @Column(name = "agency_id", nullable = false)
  private String agencyId;

  @Column(name = "source_reference", nullable = false)
  private String sourceReference;

  @Column(name = "request_hash", nullable = false)
  private String requestHash;

  @Column(name = "received_by", nullable = false)
  private String receivedBy;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ReferralIntakeRecord() {
  }

  ReferralIntakeRecord(String caseCode, String agencyId, String sourceReference, String requestHash, String receivedBy,
      Instant receivedAt) {
    this.caseCode = caseCode;
    this.agencyId = agencyId;
    this.sourceReference = sourceReference;
    this.requestHash = requestHash;
    this.receivedBy = receivedBy;
    this.receivedAt = receivedAt;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public String getSourceReference() {
    return sourceReference;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public String getReceivedBy() {
    return receivedBy;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
