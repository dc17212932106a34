package md.nrs.referral.casefile;

import md.nrs.referral.errors.WordedRefusal;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A process start that brought its own business key. A {@link BadUserRequestException}, so the engine's
 * REST resources answer 400 where they map client mistakes (messages, conditions, restarts). The message
 * never repeats the key that was sent.
 */
public class BusinessKeyRefused extends BadUserRequestException implements WordedRefusal {

  public static final String MESSAGE = "businessKey: a process gets its business key from the platform (the case "
      + "code of a new case, or the case of the process that calls it); a start may not supply one";

  static {
    WordedRefusal.register(MESSAGE); // the restart resource passes on only the message
  }

  public BusinessKeyRefused() {
    super(MESSAGE);
  }
}
