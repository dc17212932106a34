package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.RepresentativeRecord;

/**
 * Hands the personal data taken out of a task submission from the HTTP filter to the engine's
 * completion of that task, on the same thread, so the vault write commits or rolls back with the
 * completion itself (and only after the engine has checked the user may complete the task).
 */
public final class PendingPersonalData {

  private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

  private PendingPersonalData() {
  }

  static void put(String taskId, PersonRecord person, RepresentativeRecord representative) {
    PENDING.set(new Pending(taskId, person, representative));
  }

  /** The person submitted with this task's completion, once. */
  public static PersonRecord take(String taskId) {
    Pending pending = PENDING.get();
    if (pending != null && pending.taskId().equals(taskId)) {
      PENDING.remove();
      return pending.person().isEmpty() ? null : pending.person();
    }
    return null;
  }

  /** The child's legal representative submitted with this task's completion, once. */
  public static RepresentativeRecord takeRepresentative(String taskId) {
    Pending pending = PENDING.get();
    if (pending != null && pending.taskId().equals(taskId)) {
      PENDING.remove();
      return pending.representative().isEmpty() ? null : pending.representative();
    }
    return null;
  }

  static void clear() {
    PENDING.remove();
  }

  private record Pending(String taskId, PersonRecord person, RepresentativeRecord representative) {
  }
}
