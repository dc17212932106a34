package md.nrs.referral.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One revision that passed the validation gate (table nrs_model_revision, created by Flyway). */
@Entity
@Table(name = "nrs_model_revision")
public class ModelRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "deployment_id", nullable = false, updatable = false)
  private String deploymentId;

  @Column(name = "deployment_name", updatable = false)
  private String deploymentName;

  @Column(updatable = false)
  private String source;

  @Column(name = "deployed_by", updatable = false)
  private String deployedBy;

  @Column(name = "deployed_at", nullable = false, updatable = false)
  private Instant deployedAt;

  /** File names, one per line. */
  @Column(nullable = false, updatable = false)
  private String files;

  /** What changed, as JSON (a list of {@link RevisionChanges.Change}). */
  @Column(nullable = false, updatable = false)
  private String changes;

  protected ModelRevision() {
  }

  public ModelRevision(String deploymentId, String deploymentName, String source, String deployedBy, Instant deployedAt,
      String files, String changes) {
    this.deploymentId = deploymentId;
    this.deploymentName = deploymentName;
    this.source = source;
    this.deployedBy = deployedBy;
    this.deployedAt = deployedAt;
    this.files = files;
    this.changes = changes;
  }

  public Long getId() { return id; }
  public String getDeploymentId() { return deploymentId; }
  public String getDeploymentName() { return deploymentName; }
  public String getSource() { return source; }
  public String getDeployedBy() { return deployedBy; }
  public Instant getDeployedAt() { return deployedAt; }
  public String getFiles() { return files; }
  public String getChanges() { return changes; }
}
