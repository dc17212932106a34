package md.nrs.referral.errors;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exception of the platform's own, thrown inside the engine, whose message names the field and the
 * problem and never a value sent: the engine APIs answer it as a 400 with that message, where an engine
 * refusal's own message is replaced (it may repeat ids and values). Some engine resources re-throw a
 * refusal by its message alone (process restart), so such a class also {@link #register registers} its
 * fixed message.
 */
public interface WordedRefusal {

  /** Fixed messages of worded refusals, recognised when a resource passes on only the text. */
  Set<String> MESSAGES = ConcurrentHashMap.newKeySet();

  static void register(String message) {
    MESSAGES.add(message);
  }
}
