package md.nrs.referral.incidents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One accepted report on a case (table nrs_case_incident, Flyway V12): who, which case, what kind, when,
 * and the task it started. The reporter's note is kept only sealed ({@code noteSealed}), never in clear.
 */
@Entity
@Table(name = "nrs_case_incident")
public class CaseIncident {

  @Id
  private String id;

  @Column(name = "case_code", nullable = false, updatable = false)
  private String caseCode;

  @Column(name = "report_type", nullable = false, updatable = false)
  private String reportType;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "occurred_on", nullable = false, updatable = false)
  private LocalDate occurredOn;

  @Column(name = "reported_by", nullable = false, updatable = false)
  private String reportedBy;

  @Column(name = "reporter_agency", updatable = false)
  private String reporterAgency;

  @Column(name = "reported_at", nullable = false, updatable = false)
  private Instant reportedAt;

  @Column(name = "process_instance_id", nullable = false, updatable = false)
  private String processInstanceId;

  @Column(name = "task_id", updatable = false)
  private String taskId;

  @Column(name = "task_group", updatable = false)
  private String taskGroup;

  @Column(name = "task_due", updatable = false)
  private Instant taskDue;

  @Column(name = "note_sealed", updatable = false)
  private String noteSealed;

  @Column(name = "note_key_id", updatable = false)
  private String noteKeyId;

  protected CaseIncident() {
  }

  CaseIncident(String id, IncidentReport report, String reportedBy, String reporterAgency, Instant reportedAt,
      String processInstanceId, RoutedTask task, String noteSealed, String noteKeyId) {
    this.id = id;
    this.caseCode = report.caseCode();
    this.reportType = report.type().wireName();
    this.kind = report.kind();
    this.occurredOn = report.occurredOn();
    this.reportedBy = reportedBy;
    this.reporterAgency = reporterAgency;
    this.reportedAt = reportedAt;
    this.processInstanceId = processInstanceId;
    this.taskId = task == null ? null : task.taskId();
    this.taskGroup = task == null ? null : task.candidateGroup();
    this.taskDue = task == null ? null : task.due();
    this.noteSealed = noteSealed;
    this.noteKeyId = noteKeyId;
  }

  public String getId() {
    return id;
  }

  public String getCaseCode() {
    return caseCode;
  }

  public String getReportType() {
    return reportType;
  }

  public String getKind() {
    return kind;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public String getReporterAgency() {
    return reporterAgency;
  }

  public RoutedTask routedTask() {
    return taskId == null ? null : new RoutedTask(taskId, taskGroup, taskDue);
  }

  public boolean hasNote() {
    return noteSealed != null;
  }
}
