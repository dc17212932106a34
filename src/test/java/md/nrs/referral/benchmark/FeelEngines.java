package md.nrs.referral.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.engine.ParsedOnceFeelEngineFactory;
import md.nrs.referral.sla.DueDatesFromSlaTable;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Camunda's own FEEL engine for decisions (it parses each text on every evaluation) against the platform's
 * {@link md.nrs.referral.engine.ParsedOnceFeelEngine}, in the same JVM: the sla-durations table evaluated by two
 * DMN engines of their own, and a running platform's DMN engine switched from one FEEL engine to the other.
 */
final class FeelEngines {

  private static final Path SLA_TABLE = Path.of("processes", DueDatesFromSlaTable.DECISION + ".dmn");
  private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z][\\w-]*)\"");

  private FeelEngines() {
  }

  /** Camunda's FEEL engine as its DMN configuration builds it by default, for the platform's DMN engine. */
  static FeelEngine camundas(ProcessEngine engine) {
    return new ScalaFeelEngineFactory(dmnOf(engine).getFeelCustomFunctionProviders()).createInstance();
  }

  static FeelEngine current(ProcessEngine engine) {
    return dmnOf(engine).getFeelEngine();
  }

  /**
   * Every evaluation builds its handlers from the configuration's FEEL engine, so replacing it switches the running
   * engine; the configuration offers no setter once built (benchmark only).
   */
  static void use(ProcessEngine engine, FeelEngine feel) {
    try {
      Field field = DefaultDmnEngineConfiguration.class.getDeclaredField("feelEngine");
      field.setAccessible(true);
      field.set(dmnOf(engine), feel);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DefaultDmnEngineConfiguration dmnOf(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
  }

  /**
   * sla-durations evaluated for every step it names, each urgency and age, by a DMN engine with Camunda's FEEL and
   * one with the platform's, alternately in rounds of a few seconds each; both must answer the same. Returns
   * [Camunda's, parsed once] evaluations per second, one pair per round.
   */
  static List<double[]> slaTableRates(int rounds, double secondsEach) {
    DmnEngine camundas = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine parsedOnce = ParsedOnceFeelEngineFactory.standaloneDmnEngine();
    DmnDecision camundasTable = parse(camundas);
    DmnDecision parsedOnceTable = parse(parsedOnce);
    List<Map<String, Object>> inputs = slaInputs();
    for (Map<String, Object> facts : inputs) {
      Object expected = camundas.evaluateDecision(camundasTable, facts).getResultList();
      if (!expected.equals(parsedOnce.evaluateDecision(parsedOnceTable, facts).getResultList())) {
        throw new IllegalStateException("the two FEEL engines answer " + facts + " differently");
      }
    }
    List<double[]> rates = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      rates.add(new double[] {rate(camundas, camundasTable, inputs, secondsEach),
          rate(parsedOnce, parsedOnceTable, inputs, secondsEach)});
    }
    return rates;
  }

  static String describe(String what, List<double[]> pairs, String load) {
    List<Double> before = pairs.stream().map(p -> p[0]).sorted().toList();
    List<Double> after = pairs.stream().map(p -> p[1]).sorted().toList();
    List<Double> ratios = pairs.stream().map(p -> p[1] / p[0]).sorted().toList();
    return String.format(Locale.ROOT, "%s: Camunda's FEEL %.1f, parsed once %.1f (medians of %d alternating rounds); "
        + "ratio ×%.2f (min ×%.2f, max ×%.2f); load %s.", what, median(before), median(after), pairs.size(),
        median(ratios), ratios.get(0), ratios.get(ratios.size() - 1), load);
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Evaluations per second over (at least) the given time, cycling through the inputs. */
  private static double rate(DmnEngine dmn, DmnDecision table, List<Map<String, Object>> inputs, double seconds) {
    long t0 = System.nanoTime();
    long until = t0 + (long) (seconds * 1e9);
    int evaluations = 0;
    while (System.nanoTime() < until) {
      dmn.evaluateDecision(table, inputs.get(evaluations % inputs.size()));
      evaluations++;
    }
    return evaluations / ((System.nanoTime() - t0) / 1e9);
  }

  private static DmnDecision parse(DmnEngine dmn) {
    try (InputStream model = Files.newInputStream(SLA_TABLE)) {
      return dmn.parseDecision(DueDatesFromSlaTable.DECISION, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every step the table names (and one it does not), with each urgency and age the platform gives. */
  private static List<Map<String, Object>> slaInputs() {
    Set<String> steps = new LinkedHashSet<>();
    try {
      Matcher quoted = QUOTED.matcher(Files.readString(SLA_TABLE));
      while (quoted.find()) {
        if (quoted.group(1).startsWith("UserTask_") || quoted.group(1).contains("Timer")) {
          steps.add(quoted.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    steps.add("UserTask_NotInTheTable");
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (String step : steps) {
      for (String urgency : new String[] {null, "standard", "urgent", "immediate"}) {
        for (boolean minor : new boolean[] {false, true}) {
          Map<String, Object> facts = new HashMap<>();
          facts.put(DueDatesFromSlaTable.STEP_INPUT, step);
          facts.put(md.nrs.referral.engine.CaseVariables.URGENCY.name(), urgency);
          facts.put(md.nrs.referral.engine.CaseVariables.MINOR.name(), minor);
          inputs.add(facts);
        }
      }
    }
    return inputs;
  }
}
