package md.nrs.referral.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * A case belongs to the process that created it: a process instance may carry a business key only when
 * a call activity passed it down (a sub-process of the case) or the platform opened a
 * {@link PlatformStarts} permit for that very key. Every other start with a key is refused, whatever
 * the route (REST, the webapps' start dialog, a message, a condition, a restart, the Java API).
 *
 * <p>The check sits where the engine records that an instance started: that happens synchronously on
 * every start path, including instantiation at chosen activities and a start event marked
 * asyncBefore, whose process start listeners would only run later in a job.
 */
@Component
public class BusinessKeyGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventProducer() != null) {
      throw new IllegalStateException("BusinessKeyGuard needs the engine's history event producer, but another "
          + "one is configured: " + configuration.getHistoryEventProducer().getClass().getName());
    }
    configuration.setHistoryEventProducer(new CheckingProducer());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_START, null)) {
      throw new IllegalStateException("BusinessKeyGuard needs history level activity, audit or full, not "
          + configuration.getHistoryLevel().getName());
    }
  }

  /** Throws {@link BusinessKeyRefused} unless the new instance may carry its business key. */
  static void check(ExecutionEntity processInstance) {
    String businessKey = processInstance.getBusinessKey();
    if (businessKey == null || processInstance.getSuperExecution() != null) {
      return;
    }
    if (!PlatformStarts.take(businessKey)) {
      throw new BusinessKeyRefused();
    }
  }

  private static final class CheckingProducer extends CacheAwareHistoryEventProducer {
    @Override
    public HistoryEvent createProcessInstanceStartEvt(DelegateExecution execution) {
      check((ExecutionEntity) execution);
      return super.createProcessInstanceStartEvt(execution);
    }
  }
}
