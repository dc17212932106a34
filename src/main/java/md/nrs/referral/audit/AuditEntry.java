package md.nrs.referral.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail. Written once by {@link AuditTrail}; no setter, no update. */
@Entity
@Table(name = "nrs_audit")
public class AuditEntry {

  @Id
  private long seq;
  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;
  private String actor;
  @Column(nullable = false)
  private String action;
  @Column(name = "case_code")
  private String caseCode;
  private String subject;
  @Column(nullable = false)
  private String outcome;
  @Column(name = "client_address")
  private String clientAddress;
  private String detail;
  @Column(name = "prev_hash", nullable = false)
  private String prevHash;
  @Column(nullable = false)
  private String hash;

  protected AuditEntry() {
  }

  AuditEntry(long seq, Instant occurredAt, AuditEvent event, String prevHash, String hash) {
    this.seq = seq;
    this.occurredAt = occurredAt;
    this.actor = event.actor();
    this.action = event.action();
    this.caseCode = event.caseCode();
    this.subject = event.subject();
    this.outcome = event.outcome();
    this.clientAddress = event.clientAddress();
    this.detail = event.detail();
    this.prevHash = prevHash;
    this.hash = hash;
  }

  public long getSeq() {
    return seq;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getSubject() {
    return subject;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getDetail() {
    return detail;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }

  AuditEvent event() {
    return new AuditEvent(actor, action, caseCode, subject, outcome, clientAddress, detail);
  }
}
