package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import md.nrs.referral.testing.JarProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable (issue 13 item 3): referrals that answered 201 are still there after the
 * packaged platform is killed with SIGKILL right after the last answer and started again on the same data.
 */
abstract class CrashDurabilityContract {

  private static final int REFERRALS = 6;

  /** The deployment's environment variables (database on data that outlives the process). */
  abstract Map<String, String> environment();

  /** A user of one agency who may refer, created on the running platform if the profile has none. */
  abstract Credentials referrer(PlatformHttp http);

  /** A user who may read every case (administrator). */
  abstract Credentials reader();

  @Test
  void everyReferralAnswered201IsThereAfterAKillNineAndARestart() {
    Map<String, String> acknowledged = new LinkedHashMap<>();
    String batch = UUID.randomUUID().toString().substring(0, 8);
    Credentials referrer;
    try (JarProcess platform = JarProcess.start(getClass().getSimpleName(), environment())) {
      PlatformHttp http = platform.http();
      referrer = referrer(http);
      for (int i = 1; i <= REFERRALS; i++) {
        String reference = "CRASH-" + batch + "-" + i;
        Response answer = http.post("/api/referrals", referrer, referral(reference));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        acknowledged.put(reference, caseCode(answer.body()));
      }
      assertThat(platform.kill()).as("SIGKILL, no shutdown hook").isEqualTo(JarProcess.KILLED);

      try (JarProcess restarted = platform.restart()) {
        PlatformHttp after = restarted.http();
        List<String> lost = new ArrayList<>();
        acknowledged.forEach((reference, code) -> {
          Response caseView = after.get("/api/cases/" + code, reader());
          Response receipt = after.get("/api/referrals/" + reference, referrer);
          boolean found = caseView.status() == 200 && caseView.body().contains("\"caseCode\":\"" + code + "\"")
              && receipt.status() == 200 && receipt.body().contains("\"caseCode\":\"" + code + "\"");
          if (!found) {
            lost.add(code + " (case view " + caseView.status() + ", referral receipt " + receipt.status() + ")");
          }
        });
        assertThat(lost).as("acknowledged cases lost in the crash, of " + acknowledged.size()).isEmpty();
      }
    }
    assertThat(acknowledged).hasSize(REFERRALS);
  }

  private static String referral(String reference) {
    return """
        {"sourceReference": "%s", "channel": "ngo", "location": "moldova", "category": "trafficking",
         "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false,
         "referralSummary": "Crash test referral"}""".formatted(reference);
  }

  private static String caseCode(String body) {
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"caseCode\"\\s*:\\s*\"(NRS-[0-9]{4}-[0-9]+)\"")
        .matcher(body);
    assertThat(code.find()).as("a case code in " + body).isTrue();
    return code.group(1);
  }

  static Credentials demo(String user) {
    return basic(user, md.nrs.referral.testing.DeploymentEnvironment.DEMO_PASSWORD);
  }
}
