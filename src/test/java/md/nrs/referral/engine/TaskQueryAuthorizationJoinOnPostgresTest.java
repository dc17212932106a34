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
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
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
 * process definition's key, a grant on every task ('*') and a task grant named like the definition's key (the
 * engine's join matches it with the key: the keyed definition check must too); in the order, pages and counts of the five
 * Tasklist filters' queries, with a task offered to two of the caller's groups (two identity links that
 * both match: the engine's DISTINCT used to hide the copy).
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationJoinOnPostgresTest {

  private static final int CASES = 4;
  private static final String CASE_CODE = CaseVariables.CASE_CODE.name();

  private PostgresDatabase database;
  private ProcessEngine engine;
  private final TaskQueryAuthorizationJoin join = new TaskQueryAuthorizationJoin();
  private final AuthorizedGroupsSkipScan groups = new AuthorizedGroupsSkipScan();

  @BeforeAll
  void engineWithAuthorizationsOn() {
    database = PostgresDatabase.create("nrs_it_");
    // the platform's other statement interceptor too: each must see the statement through the other's proxy
    engine = EngineWithInterceptorsOnPostgres.build(database, "task-query-join", List.of(groups, join));
    engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn", Bpmn.createExecutableProcess("steps")
        .camundaHistoryTimeToLive(1).startEvent().parallelGateway("fork")
        .userTask("forAgencyA").camundaCandidateGroups("agency-a").endEvent()
        .moveToNode("fork").userTask("forAgencyB").camundaCandidateGroups("agency-b").endEvent()
        .moveToNode("fork").userTask("forOnePerson").camundaAssignee("one.person").endEvent()
        .moveToNode("fork").userTask("forBothAgencies").camundaCandidateGroups("agency-a,agency-b").endEvent()
        .done()).deploy();
    for (int i = 0; i < CASES; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("steps", "case-" + i, Map.of(CASE_CODE, "case-" + i, "other", i));
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
      if (i % 3 == 0) {
        engine.getTaskService().setVariableLocal(task.getId(), CASE_CODE, "local-" + i);
      }
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization supervisors = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    supervisors.setGroupId("supervisors");
    supervisors.setResource(Resources.PROCESS_DEFINITION);
    supervisors.setResourceId("steps");
    supervisors.addPermission(ProcessDefinitionPermissions.READ_TASK);
    supervisors.addPermission(ProcessDefinitionPermissions.READ_INSTANCE); // the variables of the definition's instances
    authorizations.saveAuthorization(supervisors);
    Authorization everyTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setGroupId("auditors");
    everyTask.setResource(Resources.TASK);
    everyTask.setResourceId("*");
    everyTask.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyTask);
    // the variables' other grants: one process instance, every process instance
    Authorization oneCase = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    oneCase.setUserId("b.caseworker");
    oneCase.setResource(Resources.PROCESS_INSTANCE);
    oneCase.setResourceId(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("case-1")
        .singleResult().getId());
    oneCase.addPermission(Permissions.READ);
    authorizations.saveAuthorization(oneCase);
    Authorization everyCase = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyCase.setGroupId("auditors");
    everyCase.setResource(Resources.PROCESS_INSTANCE);
    everyCase.setResourceId("*");
    everyCase.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyCase);
    // a task grant whose resource id is a definition's key: the engine's join lets every task of that definition through
    Authorization taskGrantNamedLikeTheKey = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    taskGrantNamedLikeTheKey.setGroupId("oddities");
    taskGrantNamedLikeTheKey.setResource(Resources.TASK);
    taskGrantNamedLikeTheKey.setResourceId("steps");
    taskGrantNamedLikeTheKey.addPermission(Permissions.READ);
    authorizations.saveAuthorization(taskGrantNamedLikeTheKey);
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
    assertThat(visible("an.oddity", "oddities")).hasSize(4 * CASES);
    assertThat(join.rewrites()).as("statements sent rewritten").isPositive();
    assertThat(groups.rewrites()).as("granted groups read by the skip scan").isPositive();
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
        {"a.stranger", "strangers"}, {"an.oddity", "oddities"}}) {
      for (Map.Entry<String, Function<String[], TaskQuery>> filter : filters.entrySet()) {
        Map<String, List<Object>> answers = new LinkedHashMap<>();
        // every form, and the semi-join's forms once more with the definition and '*' checks unkeyed (as they were)
        for (boolean keyed : new boolean[] {true, false}) {
          for (TaskQueryAuthorizationJoin.Form form : TaskQueryAuthorizationJoin.Form.values()) {
            if (!keyed && form != TaskQueryAuthorizationJoin.Form.SEMI_JOIN && form != TaskQueryAuthorizationJoin.Form.CHOSEN) {
              continue;
            }
            join.setForm(form);
            join.setKeyedChecks(keyed);
            long sentRewritten = join.rewrites();
            try {
              answers.put(form + (keyed ? "" : " unkeyed"), asCaller(caller, () -> List.of(
                  ids(filter.getValue().apply(caller).orderByDueDate().asc().orderByTaskId().asc().list()),
                  ids(filter.getValue().apply(caller).orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 3)),
                  ids(filter.getValue().apply(caller).orderByDueDate().asc().orderByTaskId().asc().listPage(2, 3)),
                  filter.getValue().apply(caller).count())));
            } finally {
              join.setForm(TaskQueryAuthorizationJoin.Form.CHOSEN);
              join.setKeyedChecks(true);
            }
            if (form != TaskQueryAuthorizationJoin.Form.ENGINE) {
              assertThat(join.rewrites() - sentRewritten).as("%s as %s sent %s", filter.getKey(), caller[0], form).isEqualTo(4);
            }
          }
        }
        assertThat(answers).hasSize(TaskQueryAuthorizationJoin.Form.values().length + 2);
        List<Object> engines = answers.get(TaskQueryAuthorizationJoin.Form.ENGINE.name());
        assertThat(answers.values()).as("%s as %s", filter.getKey(), caller[0]).allMatch(engines::equals);
        assertThat((List<?>) engines.get(0)).as("no task twice").doesNotHaveDuplicates()
            .hasSize(((Long) engines.get(3)).intValue());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(8 * filters.size());
  }

  @Test
  void theCaseCodeColumnsVariableQueryAnswersExactlyAsTheEnginesOwn() {
    List<Task> tasks = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list();
    List<String> taskIds = tasks.stream().map(Task::getId).toList();
    List<String> caseIds = tasks.stream().map(Task::getProcessInstanceId).distinct().toList();
    // Tasklist asks for a page's scopes (its tasks and their process instances) and the filter's variable names
    Map<String, Function<List<String>, VariableInstanceQuery>> queries = new LinkedHashMap<>();
    queries.put("a page's tasks and cases", scopes -> variables().variableScopeIdIn(scopes.toArray(String[]::new))
        .variableNameIn(CASE_CODE));
    queries.put("one task and its case", scopes -> variables().variableScopeIdIn(scopes.get(0), caseIds.get(0)));
    queries.put("by task id", scopes -> variables().taskIdIn(taskIds.subList(0, 5).toArray(String[]::new)));
    queries.put("by process instance id", scopes -> variables().processInstanceIdIn(caseIds.get(1)).variableName(CASE_CODE));
    List<String> page = new java.util.ArrayList<>(taskIds.subList(0, 6));
    page.addAll(caseIds);
    int compared = 0;
    for (String[] caller : new String[][] {{"a.caseworker", "agency-a"}, {"b.caseworker", "agency-b"}, {"c.caseworker", "agency-b"},
        {"ab.coordinator", "agency-a", "agency-b"}, {"one.person", "agency-b"}, {"a.supervisor", "supervisors"},
        {"an.auditor", "auditors"}, {"a.stranger", "strangers"}}) {
      for (Map.Entry<String, Function<List<String>, VariableInstanceQuery>> query : queries.entrySet()) {
        long sentRewritten = join.variableRewrites();
        List<Object> probed = asCaller(caller, () -> variableAnswers(query.getValue(), page));
        assertThat(join.variableRewrites() - sentRewritten).as("%s as %s probed", query.getKey(), caller[0]).isEqualTo(3);
        join.setVariableProbes(false);
        try {
          List<Object> engines = asCaller(caller, () -> variableAnswers(query.getValue(), page));
          assertThat(probed).as("%s as %s", query.getKey(), caller[0]).isEqualTo(engines);
        } finally {
          join.setVariableProbes(true);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(8 * queries.size());
    // not vacuous: the definition's grant shows every case's code, one case's grant that case's, a stranger none
    Function<String[], Long> caseCodes = caller -> asCaller(caller, () -> queries.get("a page's tasks and cases").apply(page)
        .list().stream().filter(v -> v.getValue().toString().startsWith("case-")).count());
    assertThat(caseCodes.apply(new String[] {"a.supervisor", "supervisors"})).isEqualTo(CASES);
    assertThat(caseCodes.apply(new String[] {"b.caseworker", "agency-b"})).isEqualTo(1);
    assertThat(caseCodes.apply(new String[] {"a.stranger", "strangers"})).isZero();
  }

  @Test
  void aVariableQueryThatNamesNoScopesRunsAsTheEngineWroteIt() {
    long sentRewritten = join.variableRewrites();
    List<String> all = asCaller(new String[] {"an.auditor", "auditors"}, () -> variables().variableName(CASE_CODE).list()
        .stream().map(VariableInstance::getId).toList());
    assertThat(all).hasSize(CASES + 6); // each case's, and the task-local one of every third task
    assertThat(join.variableRewrites()).isEqualTo(sentRewritten);
  }

  /** The whole list by id, a page of two in the engine's default order, and the count (the count is never rewritten). */
  private static List<Object> variableAnswers(Function<List<String>, VariableInstanceQuery> query, List<String> scopes) {
    return List.of(
        query.apply(scopes).orderByVariableName().asc().list().stream().map(v -> v.getId() + "=" + v.getValue()).sorted().toList(),
        query.apply(scopes).listPage(1, 2).stream().map(VariableInstance::getId).toList(),
        query.apply(scopes).count(),
        query.apply(scopes).list().stream().map(VariableInstance::getId).toList());
  }

  private VariableInstanceQuery variables() {
    return engine.getRuntimeService().createVariableInstanceQuery();
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
