package md.nrs.referral.agencies.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.i18n.Language;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts one notification (or one daily digest of several) to an agency's webhook as JSON, with a {@code summary}
 * in the agency's language, signed with the agency's secret
 * (header {@code X-NRS-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." + body>}) and carrying
 * the notification's key as {@code Idempotency-Key}, so a repeated delivery (at-least-once) is
 * recognisable. Throws {@link DeliveryFailed} for anything but a 2xx answer in time.
 */
@Component
public class WebhookSender {

  public static final String SIGNATURE_HEADER = "X-NRS-Signature";
  public static final String TIMESTAMP_HEADER = "X-NRS-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private final HttpClient client;
  private final Duration timeout;
  private final NotificationTexts texts;

  public WebhookSender(@Value("${nrs.webhook.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${nrs.webhook.timeout:PT10S}") Duration timeout, NotificationTexts texts) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.texts = texts;
  }

  /** One notification, its {@code summary} in the agency's language. */
  public void send(OutboxEntry entry, String url, String secret, Language language) {
    post(url, secret, entry.getNotificationKey(), json(item(entry, language)));
  }

  /**
   * A daily digest: one signed call for several notifications ({@code "digest": true}, {@code items}), its
   * {@code Idempotency-Key} the digest's key.
   */
  public void sendDigest(List<OutboxEntry> entries, String digestKey, String url, String secret, Language language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("digest", true);
    body.put("digestKey", digestKey);
    body.put("agencyId", entries.get(0).getAgencyId());
    body.put("language", language.tag());
    body.put("summary", texts.digestSummary(entries.size(), language));
    body.put("items", entries.stream().map(entry -> item(entry, language)).toList());
    post(url, secret, digestKey, json(body));
  }

  private void post(String url, String secret, String idempotencyKey, String body) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", "application/json")
        .header(IDEMPOTENCY_HEADER, idempotencyKey)
        .header(TIMESTAMP_HEADER, timestamp)
        .header(SIGNATURE_HEADER, "sha256=" + sign(secret, timestamp + "." + body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailed("timeout");
    } catch (IOException e) {
      throw new DeliveryFailed("unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailed("HTTP " + response.statusCode());
    }
  }

  /** The HMAC an agency computes to check a delivery came from the platform. */
  public static String sign(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private Map<String, Object> item(OutboxEntry entry, Language language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notificationKey", entry.getNotificationKey());
    body.put("agencyId", entry.getAgencyId());
    body.put("caseCode", entry.getCaseCode());
    body.put("step", entry.getStep());
    body.put("request", entry.getRequest());
    body.put("dueAt", entry.getDueAt());
    body.put("createdAt", entry.getCreatedAt());
    body.put("language", language.tag());
    body.put("summary", texts.summary(entry, language));
    return body;
  }

  private String json(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
