package md.nrs.referral.agencies.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * One agency or territorial team of the directory (table nrs_agency, created by Flyway). Its id is the id
 * of its Camunda group, the candidate group of the tasks meant for it.
 */
@Entity
@Table(name = "nrs_agency")
public class Agency {

  public static final String CHANNEL_NONE = "none";
  public static final String CHANNEL_WEBHOOK = "webhook";
  public static final String CHANNEL_EMAIL = "email";
  public static final String CHANNEL_EXTERNAL_TASK = "external-task";
  public static final String NOTIFY_PER_TASK = "per-task";
  public static final String NOTIFY_DAILY_DIGEST = "daily-digest";
  public static final String DEFAULT_LANGUAGE = "ro";

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String kind;

  @ElementCollection
  @CollectionTable(name = "nrs_agency_service", joinColumns = @JoinColumn(name = "agency_id"))
  @Column(name = "service_type", nullable = false)
  private Set<String> services = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "nrs_agency_region", joinColumns = @JoinColumn(name = "agency_id"))
  @Column(name = "region", nullable = false)
  private Set<String> regions = new HashSet<>();

  @Column(name = "shelter_places")
  private Integer shelterPlaces;

  @Column(nullable = false)
  private String channel;

  @Column(name = "webhook_url")
  private String webhookUrl;

  @Column(name = "webhook_secret")
  private String webhookSecret;

  private String email;

  @Column(name = "external_task_topic")
  private String externalTaskTopic;

  /** The territorial district a team serves (a term of Vocabulary.DISTRICT), or null. */
  private String district;

  /** The language of its notifications: ro, ru or en. */
  @Column(nullable = false)
  private String language;

  /** per-task or daily-digest. */
  @Column(name = "notify_mode", nullable = false)
  private String notifyMode;

  /** ISO 3166-1 alpha-2 country of a partner abroad, or null. */
  private String country;

  /** The consent purpose that must be given before anything is shared with it (a partner abroad), or null. */
  @Column(name = "consent_purpose")
  private String consentPurpose;

  @Column(nullable = false)
  private boolean active;

  /** Optimistic locking; a wrapper so that Spring Data persists (never merges) a new agency. */
  @Version
  @Column(nullable = false)
  private Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Agency() {
  }

  /** A new, active agency reached through no channel yet. */
  Agency(String id, String name, String kind, Instant now) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.channel = CHANNEL_NONE;
    this.language = DEFAULT_LANGUAGE;
    this.notifyMode = NOTIFY_PER_TASK;
    this.active = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void describe(String name, String kind, Collection<String> services, Collection<String> regions, Integer shelterPlaces) {
    this.name = name;
    this.kind = kind;
    this.services.clear();
    this.services.addAll(services);
    this.regions.clear();
    this.regions.addAll(regions);
    this.shelterPlaces = shelterPlaces;
  }

  /** Where it works, in which language it is written to and, for a partner abroad, its country and consent. */
  void place(String district, String language, String country, String consentPurpose) {
    this.district = district;
    this.language = language == null ? DEFAULT_LANGUAGE : language;
    this.country = country;
    this.consentPurpose = consentPurpose;
  }

  void notifyBy(String notifyMode) {
    this.notifyMode = notifyMode == null ? NOTIFY_PER_TASK : notifyMode;
  }

  /**
   * How the agency is reached. The secret belongs to the webhook URL: without a URL none is kept; with one,
   * a null secret keeps the stored one.
   */
  void reachThrough(String channel, String webhookUrl, String webhookSecret, String email, String externalTaskTopic) {
    this.channel = channel;
    this.webhookUrl = webhookUrl;
    if (webhookUrl == null) {
      this.webhookSecret = null;
    } else if (webhookSecret != null) {
      this.webhookSecret = webhookSecret;
    }
    this.email = email;
    this.externalTaskTopic = externalTaskTopic;
  }

  void setActive(boolean active) {
    this.active = active;
  }

  void touch(Instant now) {
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }

  public Set<String> getServices() {
    return Set.copyOf(services);
  }

  public Set<String> getRegions() {
    return Set.copyOf(regions);
  }

  public Integer getShelterPlaces() {
    return shelterPlaces;
  }

  public String getChannel() {
    return channel;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  /** For signing webhook calls only; never part of an API answer. */
  public String getWebhookSecret() {
    return webhookSecret;
  }

  public boolean hasWebhookSecret() {
    return webhookSecret != null;
  }

  public String getEmail() {
    return email;
  }

  public String getExternalTaskTopic() {
    return externalTaskTopic;
  }

  public String getDistrict() {
    return district;
  }

  public String getLanguage() {
    return language;
  }

  public String getNotifyMode() {
    return notifyMode;
  }

  public boolean wantsDailyDigest() {
    return NOTIFY_DAILY_DIGEST.equals(notifyMode);
  }

  public String getCountry() {
    return country;
  }

  /** A partner abroad: serves the region abroad and has its country. */
  public boolean isPartnerAbroad() {
    return country != null && regions.contains("abroad");
  }

  public String getConsentPurpose() {
    return consentPurpose;
  }

  public boolean isActive() {
    return active;
  }

  public Long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
