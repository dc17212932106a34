package md.nrs.referral.agencies.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.CountryCode;

/**
 * An agency as an administrator sends it (POST creates, PUT replaces). Absent optional fields mean "none",
 * except {@code webhookSecret}: on PUT an absent secret keeps the stored one (it is never read back).
 * {@code language} defaults to ro and {@code notify} (per-task or daily-digest) to per-task.
 * Rules between fields (a channel needs its contact, a partner abroad its country) are checked by {@link AgencyDirectory}.
 */
public record AgencyRequest(
    @NotBlank(groups = Create.class)
    @Pattern(regexp = ID_PATTERN, message = "must be 3 to 64 lower-case letters, digits and dashes, "
        + "starting and ending with a letter or digit")
    String id,
    @NotBlank @Size(max = 200, message = "must be at most 200 characters") String name,
    @NotNull @Term(Vocabulary.KIND) String kind,
    List<@NotNull @Term(Vocabulary.SERVICE_TYPE) String> services,
    List<@NotNull @Term(Vocabulary.REGION) String> regions,
    @PositiveOrZero Integer shelterPlaces,
    @Term(Vocabulary.CHANNEL) String channel,
    @HttpUrl @Size(max = 2000, message = "must be at most 2000 characters") String webhookUrl,
    @Pattern(regexp = "\\S{16,200}", message = "must be 16 to 200 characters without spaces") String webhookSecret,
    @Email @Size(max = 254, message = "must be at most 254 characters") String email,
    @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 1 to 64 lower-case letters, digits and dashes")
    String externalTaskTopic,
    @NotNull(groups = Update.class) Boolean active,
    @NotNull(groups = Update.class) Long version,
    @Term(Vocabulary.DISTRICT) String district,
    @Term(Vocabulary.LANGUAGE) String language,
    @JsonProperty("notify") @Term(Vocabulary.NOTIFY) String notifyMode,
    @CountryCode String country,
    @Term(Vocabulary.CONSENT_PURPOSE) String consentPurpose) {

  /** An agency as before the directory knew districts, languages and partners' countries (defaults for those). */
  public AgencyRequest(String id, String name, String kind, List<String> services, List<String> regions,
      Integer shelterPlaces, String channel, String webhookUrl, String webhookSecret, String email,
      String externalTaskTopic, Boolean active, Long version) {
    this(id, name, kind, services, regions, shelterPlaces, channel, webhookUrl, webhookSecret, email, externalTaskTopic,
        active, version, null, null, null, null, null);
  }

  /** The id of an agency is the id of its Camunda group (and within the engine's resource whitelist). */
  public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";

  /** Rules that apply when creating an agency (POST). */
  public interface Create {
  }

  /** Rules that apply when replacing an agency (PUT). */
  public interface Update {
  }
}
