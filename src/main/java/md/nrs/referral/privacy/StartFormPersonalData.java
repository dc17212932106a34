package md.nrs.referral.privacy;

import java.util.Optional;

/**
 * The person a start form submitted in its {@code @PersonalData} fields, taken out of the request by the submission
 * filter before the engine saw it and handed to the start's own first step on the same thread (the start runs in
 * the request's thread up to its first wait state), so the step can keep it in the vault in the start's transaction.
 * The engine never receives the values: a start form's variables stay in the history.
 */
public final class StartFormPersonalData {

  private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

  private StartFormPersonalData() {
  }

  /** Held by the submission filter (privacy's own) for the start of {@code formId}. */
  public static void hold(String formId, PersonRecord person) {
    HELD.set(new Held(formId, person));
  }

  /** The person submitted with this start form, once; empty when none was given (or not over HTTP). */
  public static Optional<PersonRecord> take(String formId) {
    Held held = HELD.get();
    if (held != null && held.formId().equals(formId)) {
      HELD.remove();
      return held.person().isEmpty() ? Optional.empty() : Optional.of(held.person());
    }
    return Optional.empty();
  }

  /** After the request: nothing stays on a pooled thread. */
  public static void clear() {
    HELD.remove();
  }

  private record Held(String formId, PersonRecord person) {
  }
}
