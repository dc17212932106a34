package md.nrs.referral.agencies.directory;

import md.nrs.referral.agencies.delivery.AgencyChannels;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Agencies' channels as the agency directory holds them; a retired agency is sent nothing. */
@Component
public class DirectoryAgencyChannels implements AgencyChannels {

  private final AgencyRepository agencies;

  public DirectoryAgencyChannels(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  @Override
  public Optional<Channel> channelOf(String agencyId) {
    return agencies.findById(agencyId).filter(Agency::isActive).map(agency -> {
      String language = agency.getLanguage();
      boolean digest = agency.wantsDailyDigest();
      return switch (agency.getChannel()) {
        case Agency.CHANNEL_WEBHOOK -> new Channel(Channel.Type.WEBHOOK, agency.getWebhookUrl(), agency.getWebhookSecret(),
            null, null, language, digest);
        case Agency.CHANNEL_EMAIL -> new Channel(Channel.Type.EMAIL, null, null, agency.getEmail(), null, language, digest);
        case Agency.CHANNEL_EXTERNAL_TASK -> new Channel(Channel.Type.EXTERNAL_TASK, null, null, null,
            agency.getExternalTaskTopic(), language, false);
        default -> new Channel(Channel.Type.NONE, null, null, null, null, language, false);
      };
    });
  }
}
