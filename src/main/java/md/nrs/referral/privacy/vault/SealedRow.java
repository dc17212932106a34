package md.nrs.referral.privacy.vault;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every row of the vault has besides its sealed values: the case code in clear, the id of the key that sealed
 * them, and who recorded them, for which agency, when.
 */
@MappedSuperclass
abstract class SealedRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "case_code", nullable = false)
  String caseCode;
  @Column(name = "key_id", nullable = false)
  String keyId;
  @Column(name = "recorded_by", nullable = false)
  String recordedBy;
  @Column(name = "recorded_agency")
  String recordedAgency;
  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;
  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  protected SealedRow() {
  }

  SealedRow(String caseCode, Instant now) {
    this.caseCode = caseCode;
    this.recordedAt = now;
  }

  /** Who recorded (or replaced) the values, for which agency (null for a system channel), and when. */
  void recorded(String by, String agency, Instant now) {
    recordedBy = by == null ? "system" : by;
    recordedAgency = agency;
    updatedAt = now;
  }
}
