package md.nrs.referral.agencies.callbacks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A callback already applied (table nrs_callback), so that its repetition changes nothing. */
@Entity
@Table(name = "nrs_callback")
public class ProviderCallback {

  @Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "agency_id", nullable = false)
  private String agencyId;

  @Column(name = "notification_key", nullable = false)
  private String notificationKey;

  @Column(nullable = false)
  private String step;

  @Column(name = "task_id", nullable = false)
  private String taskId;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ProviderCallback() {
  }

  ProviderCallback(String idempotencyKey, String agencyId, String notificationKey, String step, String taskId, Instant receivedAt) {
    this.idempotencyKey = idempotencyKey;
    this.agencyId = agencyId;
    this.notificationKey = notificationKey;
    this.step = step;
    this.taskId = taskId;
    this.receivedAt = receivedAt;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public String getNotificationKey() {
    return notificationKey;
  }

  public String getStep() {
    return step;
  }

  public String getTaskId() {
    return taskId;
  }
}
