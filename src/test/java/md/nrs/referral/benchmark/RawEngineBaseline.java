package md.nrs.referral.benchmark;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The bare engine: the same Camunda version, in the same JVM, on the same database (same data source),
 * with history FULL and none of the platform's plugins, listeners, gate or authorizations. It runs a
 * straight-line model of the platform case's shape (as many user tasks and service tasks as one case
 * executes, the service tasks no-op delegates), each user task completed through the Java API.
 */
final class RawEngineBaseline implements AutoCloseable {

  static final String KEY = "benchmark-baseline";

  private final ProcessEngine engine;

  RawEngineBaseline(DataSource dataSource, String databaseType, int userTasks, int serviceTasks) {
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
        .setProcessEngineName("benchmark-raw-engine");
    configuration.setDatabaseType(databaseType);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("benchmark baseline")
        .addModelInstance(KEY + ".bpmn", model(userTasks, serviceTasks)).enableDuplicateFiltering(true).deploy();
  }

  ProcessEngine engine() {
    return engine;
  }

  /** Start, then user and service tasks spread evenly along one path, then end. */
  static BpmnModelInstance model(int userTasks, int serviceTasks) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("start");
    int total = userTasks + serviceTasks;
    int servicesPlaced = 0;
    for (int i = 0; i < total; i++) {
      // place service task number k at position round(k * total / serviceTasks)
      boolean service = servicesPlaced < serviceTasks && (long) i * serviceTasks >= (long) servicesPlaced * total;
      if (service) {
        flow = flow.serviceTask("service" + servicesPlaced).camundaClass(NoOp.class.getName());
        servicesPlaced++;
      } else {
        flow = flow.userTask("user" + (i - servicesPlaced));
      }
    }
    return flow.endEvent("end").done();
  }

  /** One case of the baseline: start, complete every user task; returns the instance id. */
  String runOneCase() {
    String id = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
    while (true) {
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(id).list();
      if (tasks.isEmpty()) {
        break;
      }
      engine.getTaskService().complete(tasks.get(0).getId());
    }
    if (engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).completed().count() != 1) {
      throw new AssertionError("baseline case " + id + " did not finish");
    }
    return id;
  }

  @Override
  public void close() {
    engine.close();
  }

  public static final class NoOp implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      // the baseline's service tasks do nothing
    }
  }
}
