package md.nrs.referral.agencies.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An agency as the API shows it. The webhook secret is never part of it, only whether one is set. */
public record AgencyView(String id, String name, String kind, List<String> services, List<String> regions,
    Integer shelterPlaces, String channel, String webhookUrl, String email, String externalTaskTopic,
    boolean webhookSecretSet, boolean active, long version, Instant createdAt, Instant updatedAt,
    String district, String language, @JsonProperty("notify") String notifyMode, String country, String consentPurpose) {

  static AgencyView of(Agency agency) {
    return new AgencyView(agency.getId(), agency.getName(), agency.getKind(),
        Vocabulary.SERVICE_TYPE.inOrder(agency.getServices()), Vocabulary.REGION.inOrder(agency.getRegions()),
        agency.getShelterPlaces(), agency.getChannel(), agency.getWebhookUrl(), agency.getEmail(),
        agency.getExternalTaskTopic(), agency.hasWebhookSecret(), agency.isActive(), agency.getVersion(),
        agency.getCreatedAt(), agency.getUpdatedAt(), agency.getDistrict(), agency.getLanguage(), agency.getNotifyMode(),
        agency.getCountry(), agency.getConsentPurpose());
  }
}
