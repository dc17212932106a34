package md.nrs.referral.agencies.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import md.nrs.referral.i18n.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one notification, or one daily digest of several, to an agency's e-mail address over SMTP (Spring Mail,
 * {@code spring.mail.*}): a plain-text message in the agency's language ({@link NotificationTexts}) with the case
 * code, the step, what is asked, the due date and the notification key as reference (also in the header
 * {@code X-NRS-Notification-Key}, the digest's key for a digest, so a repeated delivery is recognisable) —
 * never personal data: the agency opens Tasklist or its own system for the details.
 *
 * <p>Without {@code spring.mail.host} Spring Boot creates no mail sender; the platform still starts and
 * an e-mail delivery fails with "no SMTP server configured" (retried, then an incident). Throws
 * {@link DeliveryFailed} with a short, safe reason for any failure.
 */
@Component
public class EmailSender {

  public static final String NOTIFICATION_KEY_HEADER = "X-NRS-Notification-Key";
  static final String NO_SMTP_SERVER = "no SMTP server configured";

  private final ObjectProvider<JavaMailSender> mailSenders;
  private final String from;
  private final NotificationTexts texts;

  public EmailSender(ObjectProvider<JavaMailSender> mailSenders, @Value("${nrs.mail.from:nrs-platform@localhost}") String from,
      @Value("${nrs.mail.connect-timeout:PT5S}") Duration connectTimeout, @Value("${nrs.mail.timeout:PT10S}") Duration timeout,
      NotificationTexts texts) {
    this.mailSenders = mailSenders;
    this.from = from;
    this.texts = texts;
    // JavaMail waits forever by default; a hung SMTP server must not hold a job executor thread.
    // Values set in spring.mail.properties.mail.smtp.* win.
    mailSenders.ifAvailable(sender -> {
      if (sender instanceof JavaMailSenderImpl impl) {
        Properties properties = impl.getJavaMailProperties();
        String millis = String.valueOf(connectTimeout.toMillis());
        String readMillis = String.valueOf(timeout.toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
          properties.putIfAbsent("mail." + protocol + ".connectiontimeout", millis);
          properties.putIfAbsent("mail." + protocol + ".timeout", readMillis);
          properties.putIfAbsent("mail." + protocol + ".writetimeout", readMillis);
        }
      }
    });
  }

  /** One notification, in the agency's language. */
  public void send(OutboxEntry entry, String address, Language language) {
    sendText(address, texts.subject(entry, language), texts.body(entry, language), entry.getNotificationKey());
  }

  /** A daily digest: one message for several notifications, referenced by the digest's key. */
  public void sendDigest(List<OutboxEntry> entries, String digestKey, String address, Language language) {
    sendText(address, texts.digestSubject(entries.size(), language), texts.digestBody(entries, digestKey, language), digestKey);
  }

  private void sendText(String address, String subject, String body, String reference) {
    JavaMailSender sender = mailSenders.getIfAvailable();
    if (sender == null) {
      throw new DeliveryFailed(NO_SMTP_SERVER);
    }
    if (address == null || address.isBlank()) {
      throw new DeliveryFailed("smtp: the agency has no e-mail address");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(address);
      helper.setSubject(subject);
      helper.setText(body, false);
      message.setHeader(NOTIFICATION_KEY_HEADER, reference);
      sender.send(message);
    } catch (MessagingException e) {
      throw new DeliveryFailed("smtp: invalid message or address");
    } catch (MailException e) {
      throw new DeliveryFailed(reason(e));
    }
  }

  /** A short reason from the exception's kind, never the server's answer. */
  private static String reason(MailException failure) {
    if (failure instanceof MailAuthenticationException) {
      return "smtp: authentication failed";
    }
    if (failure instanceof MailParseException) {
      return "smtp: invalid message or address";
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "smtp: connection refused";
      }
      if (cause instanceof SocketTimeoutException) {
        return "smtp: timeout";
      }
      if (cause instanceof UnknownHostException) {
        return "smtp: unknown host";
      }
      if (cause instanceof SendFailedException) {
        return "smtp: address rejected";
      }
    }
    return "smtp: " + failure.getClass().getSimpleName();
  }
}
