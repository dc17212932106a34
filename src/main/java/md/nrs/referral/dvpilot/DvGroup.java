package md.nrs.referral.dvpilot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One counselling group of the pilot (table nrs_dv_group, created by Flyway V11). Its kind never changes
 * once created: participants already enrolled were checked against it.
 */
@Entity
@Table(name = "nrs_dv_group")
public class DvGroup {

  public static final String KIND_VICTIM = "victim";
  public static final String KIND_PERPETRATOR = "perpetrator";

  @Id
  private String id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private int capacity;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "counsellor_agency", nullable = false)
  private String counsellorAgency;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected DvGroup() {
  }

  DvGroup(String id, String kind, int capacity, LocalDate startsOn, String counsellorAgency, Instant now) {
    this.id = id;
    this.kind = kind;
    this.capacity = capacity;
    this.startsOn = startsOn;
    this.counsellorAgency = counsellorAgency;
    this.active = true;
    this.createdAt = now;
  }

  public String getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public int getCapacity() {
    return capacity;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public String getCounsellorAgency() {
    return counsellorAgency;
  }

  public boolean isActive() {
    return active;
  }

  void close() {
    this.active = false;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** "a victims' group" / "a perpetrators' group", for messages. */
  public static String describe(String kind) {
    return KIND_VICTIM.equals(kind) ? "a victims' group" : "a perpetrators' group";
  }
}
