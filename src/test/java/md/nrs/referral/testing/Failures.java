package md.nrs.referral.testing;

/** The exception that really explains a failure, through the engine's wrapping (or the failure itself). */
public final class Failures {

  private Failures() {
  }

  public static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
