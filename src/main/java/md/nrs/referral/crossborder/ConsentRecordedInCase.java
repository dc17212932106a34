package md.nrs.referral.crossborder;

import java.util.Collection;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Consent as the case's informed-consent form recorded it ({@code shareWithAgencies} of the running
 * nrs-case instance). A case that is not running (closed, or ended because consent was withdrawn)
 * allows no sharing. Until the consent registry exists, this is the source.
 */
@Component
public class ConsentRecordedInCase implements PartnerSharingConsent {

  private final RuntimeService runtime;

  public ConsentRecordedInCase(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public boolean allowsSharing(String caseCode, String agencyId) {
    return withoutAuthorization(() -> {
      ProcessInstance caseInstance = runtime.createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
          .processInstanceBusinessKey(caseCode).active().singleResult();
      if (caseInstance == null) {
        return false;
      }
      Object agencies = runtime.getVariable(caseInstance.getId(), NrsCaseProcess.SHARE_WITH_AGENCIES.name());
      return agencies instanceof Collection<?> list && list.contains(agencyId);
    });
  }

  /** The caseworker who asks may not read the case process itself; the platform's consent check may. */
  static <T> T withoutAuthorization(java.util.concurrent.Callable<T> read) {
    try {
      return Context.getCommandContext() == null ? read.call() : Context.getCommandContext().runWithoutAuthorization(read);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
