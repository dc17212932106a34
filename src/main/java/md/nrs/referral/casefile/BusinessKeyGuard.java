package md.nrs.referral.casefile;

import md.nrs.referral.engine.ProcessStartCheck;
import org.springframework.stereotype.Component;

/**
 * A case belongs to the process that created it: a process instance may carry a business key only when
 * a call activity passed it down (a sub-process of the case) or the platform opened a
 * {@link PlatformStarts} permit for that very key. Every other start with a key is refused, whatever
 * the route (REST, the webapps' start dialog, a message, a condition, a restart, the Java API). The
 * engine adapter asks on every start path ({@link md.nrs.referral.engine.ProcessStartCheckPlugin}).
 */
@Component
public class BusinessKeyGuard implements ProcessStartCheck {

  /** Throws {@link BusinessKeyRefused} unless the new instance may carry its business key. */
  @Override
  public void check(String businessKey) {
    if (!PlatformStarts.take(businessKey)) {
      throw new BusinessKeyRefused();
    }
  }
}
