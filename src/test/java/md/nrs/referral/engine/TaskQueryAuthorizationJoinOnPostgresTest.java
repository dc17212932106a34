package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rewritten authorization check lets exactly the same tasks through as the engine's own, on a real
 * PostgreSQL with authorizations on: per-task grants to a candidate group and an assignee, a grant on the
 * process definition's key, and a grant on every task ('*'); in the order, pages and counts of the five
 * Tasklist filters' queries, with a task offered to two of the caller's groups (two identity links that
 * both match: the engine's DISTINCT used to hide the copy).
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
        .moveToNode("fork").userTask("forBothAgencies").camundaCandidateGroups("agency-a,agency-b").endEvent()
        .done()).deploy();
    for (int i = 0; i < CASES; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("steps", "case-" + i);
    }
    // due dates spread over yesterday, today and later (the Due today and Overdue filters), some claimed
    List<Task> all = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
    for (int i = 0; i < all.size(); i++) {
      Task task = all.get(i);
      task.setDueDate(new Date(System.currentTimeMillis() + (i % 3 - 1) * 86_400_000L + i * 60_000L));
      if (i % 4 == 0 && task.getAssignee() == null) {
        task.setAssignee("c.caseworker");
      }
      engine.getTaskService().saveTask(task);
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
    assertThat(visible("a.caseworker", "agency-a")).hasSize(2 * CASES)
        .allMatch(t -> List.of("forAgencyA", "forBothAgencies").contains(t.getTaskDefinitionKey()));
    assertThat(visible("b.caseworker", "agency-b")).hasSize(2 * CASES)
        .allMatch(t -> List.of("forAgencyB", "forBothAgencies").contains(t.getTaskDefinitionKey()));
    assertThat(visible("one.person", "nobody-else")).hasSize(CASES)
        .allMatch(t -> t.getTaskDefinitionKey().equals("forOnePerson"));
    assertThat(visible("a.supervisor", "supervisors")).hasSize(4 * CASES);
    assertThat(visible("an.auditor", "auditors")).hasSize(4 * CASES);
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

  @Test
  void theFiveTasklistFiltersListPageAndCountTheSameTasksInEveryForm() {
    Date startOfToday = Date.from(LocalDate.now(PlatformClock.zone()).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Date startOfTomorrow = Date.from(LocalDate.now(PlatformClock.zone()).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    Map<String, Function<String[], TaskQuery>> filters = new LinkedHashMap<>();
    filters.put("My agency", c -> tasks().taskCandidateGroupIn(groups(c)).includeAssignedTasks());
    filters.put("My tasks", c -> tasks().taskAssignee(c[0]));
    filters.put("Unassigned in my agency", c -> tasks().taskCandidateGroupIn(groups(c)).taskUnassigned());
    filters.put("Due today", c -> tasks().dueAfter(startOfToday).dueBefore(startOfTomorrow));
    filters.put("Overdue", c -> tasks().dueBefore(new Date()));
    filters.put("GET /engine-rest/task", c -> tasks());
    filters.put("match any (an OR query)", c -> tasks().or().taskCandidateGroup(c[1]).taskAssignee(c[0]).endOr());
    int compared = 0;
    // ab.coordinator is in both agencies: the tasks offered to both match two of her identity links
    for (String[] caller : new String[][] {{"a.caseworker", "agency-a"}, {"ab.coordinator", "agency-a", "agency-b"},
        {"c.caseworker", "agency-b"}, {"one.person", "agency-b"}, {"a.supervisor", "supervisors"}, {"an.auditor", "auditors"},
        {"a.stranger", "strangers"}}) {
      for (Map.Entry<String, Function<String[], TaskQuery>> filter : filters.entrySet()) {
        Map<TaskQueryAuthorizationJoin.Form, List<Object>> answers = new LinkedHashMap<>();
        for (TaskQueryAuthorizationJoin.Form form : TaskQueryAuthorizationJoin.Form.values()) {
          join.setForm(form);
          long sentRewritten = join.rewrites();
          try {
            answers.put(form, asCaller(caller, () -> List.of(
                ids(filter.getValue().apply(caller).orderByDueDate().asc().orderByTaskId().asc().list()),
                ids(filter.getValue().apply(caller).orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 3)),
                ids(filter.getValue().apply(caller).orderByDueDate().asc().orderByTaskId().asc().listPage(2, 3)),
                filter.getValue().apply(caller).count())));
          } finally {
            join.setForm(TaskQueryAuthorizationJoin.Form.CHOSEN);
          }
          if (form != TaskQueryAuthorizationJoin.Form.ENGINE) {
            assertThat(join.rewrites() - sentRewritten).as("%s as %s sent %s", filter.getKey(), caller[0], form).isEqualTo(4);
          }
        }
        List<Object> engines = answers.get(TaskQueryAuthorizationJoin.Form.ENGINE);
        assertThat(answers.values()).as("%s as %s", filter.getKey(), caller[0]).allMatch(engines::equals);
        assertThat((List<?>) engines.get(0)).as("no task twice").doesNotHaveDuplicates()
            .hasSize(((Long) engines.get(3)).intValue());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(7 * filters.size());
  }

  private TaskQuery tasks() {
    return engine.getTaskService().createTaskQuery();
  }

  /** The caller's groups: those named after the user id, and every caseworker's. */
  private static List<String> groups(String[] caller) {
    List<String> groups = new java.util.ArrayList<>(List.of(caller).subList(1, caller.length));
    groups.add("caseworkers");
    return groups;
  }

  private <T> T asCaller(String[] caller, java.util.function.Supplier<T> query) {
    engine.getIdentityService().setAuthentication(caller[0], groups(caller));
    try {
      return query.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
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
