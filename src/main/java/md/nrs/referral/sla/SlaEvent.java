package md.nrs.referral.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder sent or a breach recorded for one task (table nrs_sla_event); at most one of each per task. */
@Entity
@Table(name = "nrs_sla_event")
public class SlaEvent {

  public enum Kind { REMINDER, BREACH }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id", nullable = false, updatable = false)
  private String taskId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(name = "case_code", updatable = false)
  private String caseCode;

  @Column(nullable = false, updatable = false)
  private String step;

  @Column(name = "agency_id", updatable = false)
  private String agencyId;

  @Column(name = "process_instance_id", updatable = false)
  private String processInstanceId;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "overdue_minutes", nullable = false, updatable = false)
  private long overdueMinutes;

  protected SlaEvent() {
  }

  SlaEvent(String taskId, Kind kind, String caseCode, String step, String agencyId, String processInstanceId,
      Instant dueAt, Instant recordedAt) {
    this.taskId = taskId;
    this.kind = kind;
    this.caseCode = caseCode;
    this.step = step;
    this.agencyId = agencyId;
    this.processInstanceId = processInstanceId;
    this.dueAt = dueAt;
    this.recordedAt = recordedAt;
    this.overdueMinutes = Math.max(0, java.time.Duration.between(dueAt, recordedAt).toMinutes());
  }

  public String getTaskId() {
    return taskId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getStep() {
    return step;
  }

  public String getAgencyId() {
    return agencyId;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public long getOverdueMinutes() {
    return overdueMinutes;
  }
}
