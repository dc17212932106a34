package md.nrs.referral.sla;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.engine.ParsedOnceFeelEngineFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * A step's time limit in words, for people reading figures (Cockpit's bottleneck panel): the row of
 * {@code sla-durations.dmn} a standard referral of an adult gets. Each task's own due date may be shorter
 * (urgent, a child); the figures measure every task against its own due date, this is the label.
 *
 * <p>The deployed table's latest version is evaluated by a DMN engine of its own, so reading a label leaves
 * no decision history (the process engine records every evaluation); it is parsed again once policy staff
 * deploy a new version.
 */
@Component
public class StepTimeLimits {

  private final ProcessEngine engine;
  private final DmnEngine dmn = ParsedOnceFeelEngineFactory.standaloneDmnEngine();
  private volatile Parsed parsed;

  private record Parsed(String definitionId, DmnDecision decision) {
  }

  public StepTimeLimits(ProcessEngine engine) {
    this.engine = engine;
  }

  /** E.g. "3 working days", "24 hours"; empty when the table has no row for the step. */
  public Optional<String> standardLimit(String step) {
    DmnDecision decision = latest();
    if (decision == null) {
      return Optional.empty();
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put("step", step);
    facts.put("urgency", null);
    facts.put("minor", false);
    DmnDecisionResult result = dmn.evaluateDecision(decision, facts);
    if (result.isEmpty() || result.getFirstResult().getEntry("duration") == null) {
      return Optional.empty();
    }
    return Optional.of(inWords(result.getFirstResult().getEntry("duration"),
        "working-days".equals(result.getFirstResult().getEntry("calendar"))));
  }

  private DmnDecision latest() {
    var repository = engine.getRepositoryService();
    DecisionDefinition definition = asPlatform(engine.getIdentityService(), () -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DueDatesFromSlaTable.DECISION).latestVersion().singleResult());
    if (definition == null) {
      return null;
    }
    Parsed current = parsed;
    if (current == null || !current.definitionId().equals(definition.getId())) {
      try (InputStream model = asPlatform(engine.getIdentityService(), () -> repository.getDecisionModel(definition.getId()))) {
        current = new Parsed(definition.getId(), dmn.parseDecision(DueDatesFromSlaTable.DECISION, model));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      parsed = current;
    }
    return current.decision();
  }

  static String inWords(String isoDuration, boolean workingDays) {
    try {
      if (isoDuration.startsWith("PT")) {
        long minutes = java.time.Duration.parse(isoDuration).toMinutes();
        return minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
      }
      java.time.Period period = java.time.Period.parse(isoDuration);
      if (period.getMonths() > 0 || period.getYears() > 0) {
        return isoDuration;
      }
      return plural(period.getDays(), workingDays ? "working day" : "day");
    } catch (java.time.format.DateTimeParseException e) {
      return isoDuration;
    }
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
