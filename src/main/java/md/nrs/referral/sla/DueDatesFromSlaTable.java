package md.nrs.referral.sla;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import md.nrs.referral.process.ParseListeners;

/**
 * Gives every user task its due date from the DMN table {@code sla-durations} (step, urgency, minor
 * -> ISO-8601 duration, counted in working days or around the clock), evaluated when the task is
 * created, so policy staff change a time limit in the table and new tasks follow. A due date the model
 * sets itself is kept. Tasklist shows and sorts by it; the "Due today" and "Overdue" filters use it.
 */
@Component
public class DueDatesFromSlaTable extends AbstractProcessEnginePlugin {

  public static final String DECISION = "sla-durations";

  private static final Rule NO_RULE = new Rule(null, null);
  private static final int MAX_REMEMBERED = 10_000;

  private final WorkingCalendar calendar;
  private final Map<List<Object>, Rule> rules = new ConcurrentHashMap<>();

  public DueDatesFromSlaTable(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addPost(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, DueDatesFromSlaTable.this::assignDueDate);
        }
      }
    });
  }

  void assignDueDate(DelegateTask task) {
    if (task.getDueDate() != null) {
      return;
    }
    Object urgency = task.getVariable("urgency");
    Object minor = task.getVariable("minor");
    // The table is platform policy, not the acting user's business: read it whoever completed the last step.
    Rule rule = Context.getCommandContext().runWithoutAuthorization(() -> {
      var services = task.getProcessEngineServices();
      String version = services.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
          .latestVersion().singleResult().getId();
      return rule(version, task.getTaskDefinitionKey(), urgency, minor, services.getDecisionService());
    });
    if (rule == NO_RULE) {
      return;
    }
    ZonedDateTime created = ZonedDateTime.ofInstant(task.getCreateTime().toInstant(), ZoneId.systemDefault());
    task.setDueDate(Date.from(calendar.dueAfter(created, rule.duration(), rule.mode()).toInstant()));
  }

  /**
   * The table's answer for these facts, remembered per deployed version of the table: a deployed version
   * never changes, and its three inputs are all it reads, so the answer cannot differ. Evaluating it per
   * task cost 9% of a whole case's CPU (FEEL builds its context and parses every rule's tests on each
   * evaluation) and wrote six history rows per task. A new version of the table is a new key here, so
   * policy staff's changes apply to new tasks at once, as before.
   */
  private Rule rule(String version, String step, Object urgency, Object minor,
      org.camunda.bpm.engine.DecisionService decisions) {
    List<Object> key = Arrays.asList(version, step, urgency, minor);
    Rule known = rules.get(key);
    if (known != null) {
      return known;
    }
    Map<String, Object> facts = new HashMap<>();
    facts.put("step", step);
    facts.put("urgency", urgency);
    facts.put("minor", minor);
    DmnDecisionResult result = decisions.evaluateDecisionById(version).variables(facts).evaluate();
    Rule rule = result.isEmpty() ? NO_RULE : new Rule(result.getFirstResult().getEntry("duration"),
        "around-the-clock".equals(result.getFirstResult().getEntry("calendar"))
            ? WorkingCalendar.Mode.AROUND_THE_CLOCK : WorkingCalendar.Mode.WORKING_DAYS);
    if (rules.size() > MAX_REMEMBERED) {
      rules.clear(); // old versions' answers; a handful of steps × urgencies × ages per version in practice
    }
    rules.put(key, rule);
    return rule;
  }

  private record Rule(String duration, WorkingCalendar.Mode mode) {
  }
}
