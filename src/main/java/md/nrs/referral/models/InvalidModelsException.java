package md.nrs.referral.models;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up when the models in processes/ and forms/ cannot go live; lists every problem. */
public class InvalidModelsException extends RuntimeException {

  private final transient List<ModelProblem> problems;

  public InvalidModelsException(List<ModelProblem> problems) {
    super("The NRS models cannot be deployed (" + problems.size() + " problem(s)):\n  - "
        + problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n  - ")));
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
