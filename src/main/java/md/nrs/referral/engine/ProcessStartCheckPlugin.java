package md.nrs.referral.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ProcessStartCheck}s where the engine records that an instance started: that happens
 * synchronously on every start path, including instantiation at chosen activities and a start event
 * marked asyncBefore, whose process start listeners would only run later in a job. Instances a call
 * activity starts (sub-processes of a case, which inherit its key) are not checked.
 */
@Component
public class ProcessStartCheckPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ProcessStartCheck> checks;

  public ProcessStartCheckPlugin(ObjectProvider<ProcessStartCheck> checks) {
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventProducer() != null) {
      throw new IllegalStateException("The process start checks need the engine's history event producer, but another "
          + "one is configured: " + configuration.getHistoryEventProducer().getClass().getName());
    }
    configuration.setHistoryEventProducer(new CheckingProducer(checks.orderedStream().toList()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.getHistoryLevel().isHistoryEventProduced(HistoryEventTypes.PROCESS_INSTANCE_START, null)) {
      throw new IllegalStateException("The process start checks need history level activity, audit or full, not "
          + configuration.getHistoryLevel().getName());
    }
  }

  private static final class CheckingProducer extends CacheAwareHistoryEventProducer {

    private final List<ProcessStartCheck> checks;

    CheckingProducer(List<ProcessStartCheck> checks) {
      this.checks = checks;
    }

    @Override
    public HistoryEvent createProcessInstanceStartEvt(DelegateExecution execution) {
      ExecutionEntity processInstance = (ExecutionEntity) execution;
      String businessKey = processInstance.getBusinessKey();
      if (businessKey != null && processInstance.getSuperExecution() == null) {
        checks.forEach(check -> check.check(businessKey));
      }
      return super.createProcessInstanceStartEvt(execution);
    }
  }
}
