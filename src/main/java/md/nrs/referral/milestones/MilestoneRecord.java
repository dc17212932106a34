package md.nrs.referral.milestones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A milestone of a case and whether its referrer was told (table nrs_referrer_milestone, Flyway V18):
 * {@code sent} with the outbox's notification key, or {@code withheld} with the consent that was missing.
 */
@Entity
@Table(name = "nrs_referrer_milestone")
public class MilestoneRecord {

  public static final String SENT = "sent";
  public static final String WITHHELD = "withheld";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_code", nullable = false, updatable = false)
  private String caseCode;

  @Column(nullable = false, updatable = false)
  private String milestone;

  @Column(name = "agency_id", nullable = false, updatable = false)
  private String agencyId;

  @Column(nullable = false, updatable = false)
  private String status;

  @Column(name = "notification_key", updatable = false)
  private String notificationKey;

  @Column(updatable = false)
  private String reason;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected MilestoneRecord() {
  }

  MilestoneRecord(String caseCode, Milestone milestone, String agencyId, String status, String notificationKey, String reason,
      Instant recordedAt) {
    this.caseCode = caseCode;
    this.milestone = milestone.step();
    this.agencyId = agencyId;
    this.status = status;
    this.notificationKey = notificationKey;
    this.reason = reason == null ? null : reason.substring(0, Math.min(200, reason.length()));
    this.recordedAt = recordedAt;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getMilestone() {
    return milestone;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public String getStatus() {
    return status;
  }

  public String getNotificationKey() {
    return notificationKey;
  }

  public String getReason() {
    return reason;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
