package md.nrs.referral.agencies.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
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
 * Sends one notification to an agency's e-mail address over SMTP (Spring Mail, {@code spring.mail.*}):
 * a plain-text message with the case code, what is asked, the due date and the notification key as
 * reference (also in the header {@code X-NRS-Notification-Key}, so a repeated delivery is
 * recognisable) — never personal data: the agency opens Tasklist or its own system for the details.
 *
 * <p>Without {@code spring.mail.host} Spring Boot creates no mail sender; the platform still starts and
 * an e-mail delivery fails with "no SMTP server configured" (retried, then an incident). Throws
 * {@link DeliveryFailed} with a short, safe reason for any failure.
 */
@Component
public class EmailSender {

  public static final String NOTIFICATION_KEY_HEADER = "X-NRS-Notification-Key";
  static final String NO_SMTP_SERVER = "no SMTP server configured";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ObjectProvider<JavaMailSender> mailSenders;
  private final String from;
  private final ZoneId zone;

  public EmailSender(ObjectProvider<JavaMailSender> mailSenders, @Value("${nrs.mail.from:nrs-platform@localhost}") String from,
      @Value("${nrs.mail.connect-timeout:PT5S}") Duration connectTimeout, @Value("${nrs.mail.timeout:PT10S}") Duration timeout,
      Clock clock) {
    this.mailSenders = mailSenders;
    this.from = from;
    this.zone = clock.getZone();
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

  public void send(OutboxEntry entry, String address) {
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
      helper.setSubject(subject(entry));
      helper.setText(body(entry), false);
      message.setHeader(NOTIFICATION_KEY_HEADER, entry.getNotificationKey());
      sender.send(message);
    } catch (MessagingException e) {
      throw new DeliveryFailed("smtp: invalid message or address");
    } catch (MailException e) {
      throw new DeliveryFailed(reason(e));
    }
  }

  String subject(OutboxEntry entry) {
    return "NRS " + entry.getCaseCode() + ": " + oneLine(entry.getStep());
  }

  String body(OutboxEntry entry) {
    StringBuilder body = new StringBuilder()
        .append("National Referral System: a step of a case needs your agency.\n\n")
        .append("Case: ").append(entry.getCaseCode()).append('\n')
        .append("Step: ").append(oneLine(entry.getStep())).append('\n')
        .append("Asked: ").append(entry.getRequest()).append('\n');
    if (entry.getDueAt() != null) {
      body.append("Due: ").append(DUE.format(entry.getDueAt().atZone(zone))).append(" (").append(zone.getId()).append(")\n");
    }
    return body.append("Reference: ").append(entry.getNotificationKey()).append("\n\n")
        .append("Open Tasklist or your agency's system for the details of the case.\n")
        .append("This message holds no personal data; do not reply with any.\n")
        .toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
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
