package md.nrs.referral.agencies.delivery;

import java.util.Optional;

/** How to reach an agency's own system, from the agency directory. */
public interface AgencyChannels {

  Optional<Channel> channelOf(String agencyId);

  /**
   * One agency's channel; webhook fields are set only for a webhook, and so on. {@code language} is the tag its
   * notifications are written in (ro, ru, en); {@code dailyDigest}: pushed once a day in one message, not per task.
   */
  record Channel(Type type, String webhookUrl, String webhookSecret, String email, String externalTaskTopic,
      String language, boolean dailyDigest) {

    public enum Type { NONE, WEBHOOK, EMAIL, EXTERNAL_TASK }

    /** No channel: the agency works in Tasklist. */
    public static Channel none() {
      return new Channel(Type.NONE, null, null, null, null, null, false);
    }

    /** Pushed by webhook or e-mail in a daily digest rather than per task. */
    public boolean digested() {
      return dailyDigest && (type == Type.WEBHOOK || type == Type.EMAIL);
    }

    @Override
    public String toString() {
      return "Channel[" + type + (dailyDigest ? ", daily digest" : "") + "]"; // never the secret
    }
  }
}
