package md.nrs.referral.agencies.delivery;

import java.util.Optional;

/** How to reach an agency's own system, from the agency directory. */
public interface AgencyChannels {

  Optional<Channel> channelOf(String agencyId);

  /** One agency's channel; webhook fields are set only for a webhook, and so on. */
  record Channel(Type type, String webhookUrl, String webhookSecret, String email, String externalTaskTopic) {

    public enum Type { NONE, WEBHOOK, EMAIL, EXTERNAL_TASK }

    @Override
    public String toString() {
      return "Channel[" + type + "]"; // never the secret
    }
  }
}
