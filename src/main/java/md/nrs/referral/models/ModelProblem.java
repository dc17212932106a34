package md.nrs.referral.models;

/**
 * One thing wrong with one model file, worded for the policy officer who has to fix it. {@code element}
 * describes the element for people (id and name), {@code elementId} is its bare id for tools.
 */
public record ModelProblem(String file, String element, String message, String elementId) {

  public ModelProblem(String file, String element, String message) {
    this(file, element, message, element == null ? null : element.split(" ", 2)[0]);
  }

  @Override
  public String toString() {
    return element == null ? file + ": " + message : file + ": " + element + ": " + message;
  }
}
