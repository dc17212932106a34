package md.nrs.referral.agencies.delivery;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;
import org.springframework.stereotype.Component;

/**
 * The words of a notification in the agency's language (the directory's {@code language}), from the translation
 * source (forms/i18n, keys {@code notification.*}): e-mail subject and body, the webhook's {@code summary}, and
 * the same for a daily digest. A new task's step is named by its task name ({@code task.<process>.<step>});
 * other notifications keep the text their step wrote. Only case codes, steps and dates: never personal data.
 */
@Component
public class NotificationTexts {

  /** The step prefix of a referrer's milestone (milestones/Milestone), and the keys that name each. */
  static final String MILESTONE_STEP = "Milestone_";
  static final String MILESTONE_KEY = "notification.milestone.";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Translations translations;
  private final ZoneId zone;

  public NotificationTexts(Translations translations, Clock clock) {
    this.translations = translations;
    this.zone = clock.getZone();
  }

  /** The agency's language from its tag; Romanian, the directory's default, when it has none. */
  public static Language language(String tag) {
    return Language.of(tag).orElse(Language.RO);
  }

  public String subject(OutboxEntry entry, Language language) {
    return text(language, "notification.subject", Map.of("caseCode", entry.getCaseCode(), "step", oneLine(stepName(entry, language))));
  }

  /** One line for a webhook's {@code summary}. */
  public String summary(OutboxEntry entry, Language language) {
    return text(language, "notification.summary", Map.of("caseCode", entry.getCaseCode(), "step", oneLine(stepName(entry, language))));
  }

  public String body(OutboxEntry entry, Language language) {
    StringBuilder body = new StringBuilder()
        .append(text(language, "notification.intro", Map.of())).append("\n\n");
    item(body, entry, language);
    return body.append(text(language, "notification.reference", Map.of())).append(": ").append(entry.getNotificationKey())
        .append("\n\n").append(footer(language)).toString();
  }

  public String digestSubject(int count, Language language) {
    return text(language, "notification.digest.subject", Map.of("count", count));
  }

  public String digestSummary(int count, Language language) {
    return text(language, "notification.digest.summary", Map.of("count", count));
  }

  public String digestBody(List<OutboxEntry> entries, String digestKey, Language language) {
    StringBuilder body = new StringBuilder()
        .append(text(language, "notification.digest.intro", Map.of("count", entries.size()))).append("\n\n");
    for (OutboxEntry entry : entries) {
      item(body, entry, language);
      body.append(text(language, "notification.reference", Map.of())).append(": ").append(entry.getNotificationKey()).append("\n\n");
    }
    return body.append(text(language, "notification.digest.reference", Map.of())).append(": ").append(digestKey)
        .append("\n\n").append(footer(language)).toString();
  }

  /** The step as the agency reads it: a new task by its translated task name, other steps as they are. */
  public String stepName(OutboxEntry entry, Language language) {
    if (entry.isNewTask()) {
      String name = translations.text(language, "task." + entry.getProcessKey() + "." + entry.getStep(), entry.getStep());
      return name + " (" + entry.getStep() + ")";
    }
    if (isMilestone(entry)) {
      return translations.text(language, MILESTONE_KEY + entry.getStep(), entry.getStep());
    }
    return entry.getStep();
  }

  /** What is asked: for a new task the translated "a new task" text, else the text the step wrote. */
  public String asked(OutboxEntry entry, Language language) {
    if (isMilestone(entry)) {
      return text(language, "notification.milestone.asked", Map.of());
    }
    return entry.isNewTask() ? text(language, "notification.new-task.asked", Map.of()) : entry.getRequest();
  }

  /** A milestone told to the agency that referred the case (milestones/): its step names it, nothing is asked. */
  private static boolean isMilestone(OutboxEntry entry) {
    return !entry.isNewTask() && entry.getStep().startsWith(MILESTONE_STEP);
  }

  private void item(StringBuilder body, OutboxEntry entry, Language language) {
    body.append(text(language, "notification.case", Map.of())).append(": ").append(entry.getCaseCode()).append('\n')
        .append(text(language, "notification.step", Map.of())).append(": ").append(oneLine(stepName(entry, language))).append('\n')
        .append(text(language, "notification.asked", Map.of())).append(": ").append(asked(entry, language)).append('\n');
    if (entry.getDueAt() != null) {
      body.append(text(language, "notification.due", Map.of())).append(": ").append(DUE.format(entry.getDueAt().atZone(zone)))
          .append(" (").append(zone.getId()).append(")\n");
    }
  }

  private String footer(Language language) {
    return text(language, "notification.open-tasklist", Map.of()) + "\n" + text(language, "notification.no-personal-data", Map.of())
        + "\n";
  }

  private String text(Language language, String key, Map<String, ?> arguments) {
    return translations.message(language, key, arguments);
  }

  static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }
}
