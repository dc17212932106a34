package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import md.nrs.referral.errors.RefusalDetails;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A revision refused by the validation gate. It is a {@link ParseException} so that the REST API answers
 * 400 with the message (what Camunda Modeler shows) and, under {@code details}, each file's problems with
 * the element id ({@code mainElementId}) — the shape the engine uses for its own parse errors. The words are
 * in the language of the request that deployed ({@link RevisionGate}); beside them, {@code problems} gives
 * each problem's stable code and arguments for programs.
 */
public class RevisionRefusedException extends ParseException implements RefusalDetails {

  private final transient List<ModelProblem> problems;
  private final transient Translations translations;
  private final Language language;

  public RevisionRefusedException(List<ModelProblem> problems, Translations translations, Language language) {
    super(message(problems, translations, language), problems.get(0).file(), List.of(), List.of());
    this.problems = List.copyOf(problems);
    this.translations = translations;
    this.language = language;
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (ModelProblem problem : problems) {
      byFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(new GateProblem(problem, messageOf(problem)));
    }
    this.resorceReports = byFile.entrySet().stream().<ResourceReport>map(e -> new Report(e.getKey(), e.getValue())).toList();
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  /** What is wrong with one of the problems, in the language of the refusal. */
  public String messageOf(ModelProblem problem) {
    return problem.message(translations, language);
  }

  public Language language() {
    return language;
  }

  /** Each problem for programs: file, element, its stable code and arguments, and the words. */
  @Override
  public Map<String, ?> members() {
    return Map.of("problems", problems.stream().map(problem -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", problem.file());
      entry.put("element", problem.element());
      entry.put("elementId", problem.elementId());
      entry.putAll(problem.text().toMap());
      entry.put("message", messageOf(problem));
      return entry;
    }).toList());
  }

  private static String message(List<ModelProblem> problems, Translations translations, Language language) {
    return translations.message(language, "models.refused", Map.of("count", problems.size())) + "\n  - "
        + problems.stream().map(p -> p.describe(translations, language)).collect(Collectors.joining("\n  - "));
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override public String getResourceName() { return resourceName; }
    @Override public List<Problem> getErrors() { return errors; }
    @Override public List<Problem> getWarnings() { return List.of(); }
  }

  private record GateProblem(ModelProblem problem, String message) implements Problem {
    @Override public String getMessage() {
      return problem.element() == null ? message : problem.element() + ": " + message;
    }
    @Override public int getLine() { return 0; }
    @Override public int getColumn() { return 0; }
    @Override public String getMainElementId() { return problem.elementId(); }
    @Override public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }
}
