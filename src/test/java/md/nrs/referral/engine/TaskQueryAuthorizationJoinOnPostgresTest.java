package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rewritten authorization join lets exactly the same tasks through as the engine's own, on a real
 * PostgreSQL with authorizations on: per-task grants to a candidate group and an assignee, a grant on the
 * process definition's key, and a grant on every task ('*').
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationJoinOnPostgresTest {

  private static final int CASES = 4;

  private PostgresDatabase database;
  private ProcessEngine engine;
  private final TaskQueryAuthorizationJoin join = new TaskQueryAuthorizationJoin();

  @BeforeAll
  void engineWithAuthorizationsOn() {
    database = PostgresDatabase.create("nrs_it_");
    StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration().setJdbcUrl(database.url()).setJdbcUsername(database.user())
        .setJdbcPassword(database.password()).setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setJobExecutorActivate(false)
        .setProcessEngineName("task-query-join-" + System.nanoTime());
    configuration.setAuthorizationEnabled(true);
    configuration.getProcessEnginePlugins().add(join);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn", Bpmn.createExecutableProcess("steps")
        .camundaHistoryTimeToLive(1).startEvent().parallelGateway("fork")
        .userTask("forAgencyA").camundaCandidateGroups("agency-a").endEvent()
        .moveToNode("fork").userTask("forAgencyB").camundaCandidateGroups("agency-b").endEvent()
        .moveToNode("fork").userTask("forOnePerson").camundaAssignee("one.person").endEvent()
        .done()).deploy();
    for (int i = 0; i < CASES; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("steps", "case-" + i);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization supervisors = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    supervisors.setGroupId("supervisors");
    supervisors.setResource(Resources.PROCESS_DEFINITION);
    supervisors.setResourceId("steps");
    supervisors.addPermission(ProcessDefinitionPermissions.READ_TASK);
    authorizations.saveAuthorization(supervisors);
    Authorization everyTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setGroupId("auditors");
    everyTask.setResource(Resources.TASK);
    everyTask.setResourceId("*");
    everyTask.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyTask);
  }

  @AfterAll
  void dropTheDatabase() {
    if (engine != null) {
      engine.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void everyoneSeesTheTasksTheirGrantsNameAndNoOthers() {
    assertThat(visible("a.caseworker", "agency-a")).hasSize(CASES).allMatch(t -> t.getTaskDefinitionKey().equals("forAgencyA"));
    assertThat(visible("b.caseworker", "agency-b")).hasSize(CASES).allMatch(t -> t.getTaskDefinitionKey().equals("forAgencyB"));
    assertThat(visible("one.person", "nobody-else")).hasSize(CASES)
        .allMatch(t -> t.getTaskDefinitionKey().equals("forOnePerson"));
    assertThat(visible("a.supervisor", "supervisors")).hasSize(3 * CASES);
    assertThat(visible("an.auditor", "auditors")).hasSize(3 * CASES);
    assertThat(visible("a.stranger", "strangers")).isEmpty();
    assertThat(join.rewrites()).as("statements sent rewritten").isPositive();
  }

  @Test
  void theRewrittenJoinAnswersExactlyAsTheEnginesOwn() {
    for (String[] caller : new String[][] {{"a.caseworker", "agency-a"}, {"one.person", "agency-b"}, {"a.supervisor", "supervisors"},
        {"an.auditor", "auditors"}, {"a.stranger", "strangers"}}) {
      List<String> rewritten = ids(visible(caller[0], caller[1]));
      long rewrittenCount = count(caller[0], caller[1]);
      join.setEnabled(false);
      try {
        assertThat(ids(visible(caller[0], caller[1]))).as(caller[0]).isEqualTo(rewritten);
        assertThat(count(caller[0], caller[1])).as(caller[0]).isEqualTo(rewrittenCount).isEqualTo(rewritten.size());
      } finally {
        join.setEnabled(true);
      }
    }
  }

  private List<Task> visible(String user, String group) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private long count(String user, String group) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return engine.getTaskService().createTaskQuery().count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }
}
