package md.nrs.referral.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.identity.Grants;
import md.nrs.referral.identity.PlatformSeeder;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every NRS user sees. They are stored queries with expressions evaluated
 * for the logged-in user, so one filter serves every agency; authorizations still decide which tasks a
 * user can see at all.
 */
@Component
public class TasklistFilterSeeder implements PlatformSeeder {

  /** Expressions the seeded filters use; the HTTP query guard accepts these and no others in stored filters. */
  public static final List<String> SAFE_EXPRESSIONS = List.of(
      "${currentUser()}", "${currentUserGroups()}", "${now()}",
      "${dateTime().withTimeAtStartOfDay().toDate()}", "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}");

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilterSeeder.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;

  public TasklistFilterSeeder(ProcessEngine engine) {
    this.filters = engine.getFilterService();
    this.tasks = engine.getTaskService();
    this.grants = new Grants(engine.getAuthorizationService());
  }

  @Override
  public int order() {
    return FILTERS;
  }

  @Override
  public void seed() {
    // Tasklist opens the filter with the lowest priority: a caseworker's work waits unclaimed in their agency's
    // or team's tasks, so that list comes first ("My tasks" was empty until they claimed something elsewhere).
    filter("My agency", 10, "#3c763d", "Open tasks of my agency or team, assigned or not",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    filter("My tasks", 20, "#2e6da4", "Tasks assigned to me, earliest due first",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    filter("Unassigned in my agency", 30, "#8a6d3b", "Tasks of my agency that nobody has claimed yet",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
            .orderByDueDate().asc());
    filter("Due today", 40, "#31708f", "Tasks I can see that fall due today",
        tasks.createTaskQuery()
            .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
            .orderByDueDate().asc());
    filter("Overdue", 50, "#a94442", "Tasks I can see whose due date has passed",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private void filter(String name, int priority, String color, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      LOG.info("Tasklist filter '{}' created", name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    // The case code in every task list row: the one thing that tells cases apart without personal data.
    properties.put("variables", java.util.List.of(Map.of("name", "caseCode", "label", "Case")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filters.saveFilter(filter);
    grants.toEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
