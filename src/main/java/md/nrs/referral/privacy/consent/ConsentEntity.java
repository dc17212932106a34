package md.nrs.referral.privacy.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One consent decision: given or withdrawn, for one case and purpose, when and by whom. Never updated. */
@Entity
@Table(name = "nrs_consent")
class ConsentEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "case_code", nullable = false)
  String caseCode;
  @Column(nullable = false)
  String purpose;
  @Column(nullable = false)
  boolean given;
  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;
  @Column(name = "recorded_by", nullable = false)
  String recordedBy;
  @Column(name = "recorded_agency")
  String recordedAgency;
  @Column(nullable = false)
  String source;

  protected ConsentEntity() {
  }

  ConsentEntity(String caseCode, String purpose, boolean given, Instant recordedAt, String recordedBy,
      String recordedAgency, String source) {
    this.caseCode = caseCode;
    this.purpose = purpose;
    this.given = given;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
    this.recordedAgency = recordedAgency;
    this.source = source;
  }

  Long id() {
    return id;
  }
}
