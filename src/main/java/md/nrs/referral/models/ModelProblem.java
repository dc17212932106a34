package md.nrs.referral.models;

/** One thing wrong with one model file, worded for the policy officer who has to fix it. */
public record ModelProblem(String file, String element, String message) {

  @Override
  public String toString() {
    return element == null ? file + ": " + message : file + ": " + element + ": " + message;
  }
}
