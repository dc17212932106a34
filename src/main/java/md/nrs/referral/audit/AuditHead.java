package md.nrs.referral.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain: the last entry's number and hash. Its one row is the lock every append takes. */
@Entity
@Table(name = "nrs_audit_head")
class AuditHead {

  static final int ID = 1;

  @Id
  private int id;
  @Column(name = "last_seq", nullable = false)
  private long lastSeq;
  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  protected AuditHead() {
  }

  long lastSeq() {
    return lastSeq;
  }

  String lastHash() {
    return lastHash;
  }

  void advance(long seq, String hash) {
    this.lastSeq = seq;
    this.lastHash = hash;
  }
}
