package md.nrs.referral.agencies.delivery;

import md.nrs.referral.agencies.AgencyNotification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the transactional outbox (table nrs_outbox, created by Flyway). */
@Entity
@Table(name = "nrs_outbox")
public class OutboxEntry {

  /**
   * PENDING until delivered; NOT_SENT when the agency has no channel (it works in Tasklist); QUEUED while it
   * waits for the agency's daily digest (a failed digest leaves it QUEUED with the reason, for the next try).
   */
  public enum Status { PENDING, DELIVERED, FAILED, NOT_SENT, QUEUED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "notification_key", nullable = false, updatable = false)
  private String notificationKey;

  @Column(name = "agency_id", nullable = false, updatable = false)
  private String agencyId;

  @Column(name = "case_code", nullable = false, updatable = false)
  private String caseCode;

  @Column(nullable = false, updatable = false)
  private String step;

  @Column(nullable = false, updatable = false)
  private String request;

  @Column(name = "due_at", updatable = false)
  private Instant dueAt;

  @Column(name = "process_instance_id", updatable = false)
  private String processInstanceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column
  private String channel;

  /** The process of a new task (see {@link AgencyNotification#processKey()}), else null. */
  @Column(name = "process_key", updatable = false)
  private String processKey;

  /** The digest message that carried it, for an agency told once a day. */
  @Column(name = "digest_key")
  private String digestKey;

  protected OutboxEntry() {
  }

  public static OutboxEntry pending(AgencyNotification notification, Instant now) {
    OutboxEntry entry = new OutboxEntry();
    entry.notificationKey = UUID.randomUUID().toString();
    entry.agencyId = notification.agencyId();
    entry.caseCode = notification.caseCode();
    entry.step = notification.step();
    entry.request = notification.request();
    entry.dueAt = notification.dueAt();
    entry.processInstanceId = notification.processInstanceId();
    entry.processKey = notification.processKey();
    entry.createdAt = now;
    entry.status = Status.PENDING;
    return entry;
  }

  void delivered(String channel, Instant now) {
    this.attempts++;
    this.channel = channel;
    this.status = Status.DELIVERED;
    this.deliveredAt = now;
    this.lastError = null;
  }

  void failed(String channel, String reason) {
    this.attempts++;
    this.channel = channel;
    this.status = Status.FAILED;
    this.lastError = reason.length() > 200 ? reason.substring(0, 200) : reason;
  }

  /** Waits for the agency's daily digest. */
  void queueForDigest() {
    this.status = Status.QUEUED;
  }

  void deliveredInDigest(String channel, String digestKey, Instant now) {
    delivered(channel, now);
    this.digestKey = digestKey;
  }

  /** A digest that did not go out: the entry stays queued for the next one, with the reason. */
  void digestFailed(String channel, String reason) {
    failed(channel, reason);
    this.status = Status.QUEUED;
  }

  /** Not sent, and why (no channel, or refused at delivery), so the outbox says it without the audit trail. */
  void notSent(String reason) {
    this.channel = "none";
    this.status = Status.NOT_SENT;
    this.lastError = reason.length() > 200 ? reason.substring(0, 200) : reason;
  }

  /** A new task of the agency (rather than a notice a step wrote). */
  public boolean isNewTask() {
    return processKey != null;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getDigestKey() {
    return digestKey;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public String getChannel() {
    return channel;
  }

  public Long getId() {
    return id;
  }

  public String getNotificationKey() {
    return notificationKey;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getStep() {
    return step;
  }

  public String getRequest() {
    return request;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Status getStatus() {
    return status;
  }
}
