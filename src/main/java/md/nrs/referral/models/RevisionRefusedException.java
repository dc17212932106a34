package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A revision refused by the validation gate. It is a {@link ParseException} so that the REST API answers
 * 400 with the message (what Camunda Modeler shows) and, under {@code details}, each file's problems with
 * the element id ({@code mainElementId}) — the shape the engine uses for its own parse errors.
 */
public class RevisionRefusedException extends ParseException {

  private final transient List<ModelProblem> problems;

  public RevisionRefusedException(List<ModelProblem> problems) {
    super(message(problems), problems.get(0).file(), List.of(), List.of());
    this.problems = List.copyOf(problems);
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (ModelProblem problem : problems) {
      byFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(new GateProblem(problem));
    }
    this.resorceReports = byFile.entrySet().stream().<ResourceReport>map(e -> new Report(e.getKey(), e.getValue())).toList();
  }

  public List<ModelProblem> problems() {
    return problems;
  }

  private static String message(List<ModelProblem> problems) {
    return "The revision was refused; nothing was deployed (" + problems.size() + " problem(s)):\n  - "
        + problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n  - "));
  }

  private record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override public String getResourceName() { return resourceName; }
    @Override public List<Problem> getErrors() { return errors; }
    @Override public List<Problem> getWarnings() { return List.of(); }
  }

  private record GateProblem(ModelProblem problem) implements Problem {
    @Override public String getMessage() {
      return problem.element() == null ? problem.message() : problem.element() + ": " + problem.message();
    }
    @Override public int getLine() { return 0; }
    @Override public int getColumn() { return 0; }
    @Override public String getMainElementId() { return problem.elementId(); }
    @Override public List<String> getElementIds() {
      return problem.elementId() == null ? List.of() : List.of(problem.elementId());
    }
  }
}
