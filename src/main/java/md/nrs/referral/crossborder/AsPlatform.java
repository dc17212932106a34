package md.nrs.referral.crossborder;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;

/** Reads the platform makes on a caseworker's behalf: the requester may not read the case process itself. */
final class AsPlatform {

  private AsPlatform() {
  }

  static <T> T withoutAuthorization(Callable<T> read) {
    try {
      return Context.getCommandContext() == null ? read.call() : Context.getCommandContext().runWithoutAuthorization(read);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
