package md.nrs.referral.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A migration batch started over REST (table nrs_model_migration): which instances it was given. */
@Entity
@Table(name = "nrs_model_migration")
public class ModelMigration {

  @Id
  @Column(name = "batch_id")
  private String batchId;

  @Column(name = "process_key", nullable = false, updatable = false)
  private String processKey;

  @Column(name = "from_definition", nullable = false, updatable = false)
  private String fromDefinition;

  @Column(name = "to_definition", nullable = false, updatable = false)
  private String toDefinition;

  @Column(name = "started_by", updatable = false)
  private String startedBy;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  /** Process instance ids, one per line. */
  @Column(name = "instance_ids", nullable = false, updatable = false)
  private String instanceIds;

  protected ModelMigration() {
  }

  public ModelMigration(String batchId, String processKey, String fromDefinition, String toDefinition, String startedBy,
      Instant startedAt, java.util.List<String> instanceIds) {
    this.batchId = batchId;
    this.processKey = processKey;
    this.fromDefinition = fromDefinition;
    this.toDefinition = toDefinition;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.instanceIds = String.join("\n", instanceIds);
  }

  public String getBatchId() { return batchId; }
  public String getProcessKey() { return processKey; }
  public String getFromDefinition() { return fromDefinition; }
  public String getToDefinition() { return toDefinition; }
  public String getStartedBy() { return startedBy; }
  public Instant getStartedAt() { return startedAt; }
  public java.util.List<String> instanceIds() {
    return instanceIds.isEmpty() ? java.util.List.of() : java.util.List.of(instanceIds.split("\n"));
  }
}
