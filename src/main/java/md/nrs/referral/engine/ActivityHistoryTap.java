package md.nrs.referral.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands every activity that ends, and every task offered to a group, to the {@link Sink} beans (the analytics
 * summary), in the engine's own transaction: the events of one command are collected and written once, when the
 * engine flushes its session, on the engine's connection. A command that fails writes nothing, so the summary
 * never counts what the history does not hold; nothing is written outside the engine's transaction.
 */
@Component
public class ActivityHistoryTap extends AbstractProcessEnginePlugin {

  /** An activity instance that ended (completed or cancelled); times as the engine stores them. */
  public record Ended(String processDefinitionKey, String activityId, String activityName, String activityType,
      Date endTime, long durationMillis) {
  }

  /** A task of step {@code activityId} offered to candidate group {@code groupId} at {@code time}. */
  public record Offered(String processDefinitionKey, String activityId, String groupId, Date time) {
  }

  /** Writes one command's events in the engine's transaction, on its connection. */
  public interface Sink {
    void write(Connection connection, List<Ended> ended, List<Offered> offered);
  }

  private final ObjectProvider<Sink> sinks;

  public ActivityHistoryTap(ObjectProvider<Sink> sinks) {
    this.sinks = sinks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  private static final class Handler implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricActivityInstanceEventEntity activity
          && HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
          && activity.getProcessDefinitionKey() != null) {
        // kept as is: the engine's own handler runs after this one and fills in the start time it reads from the
        // database when the activity began in an earlier command; the duration is known by the flush
        pending().ended.add(activity);
      } else if (event instanceof HistoricIdentityLinkLogEventEntity link && "candidate".equals(link.getType())
          && "add".equals(link.getOperationType()) && link.getGroupId() != null && link.getTaskId() != null
          && link.getProcessDefinitionKey() != null) {
        // the task is in the command's cache: it is being created or changed in this very command
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(link.getTaskId());
        if (task != null && task.getTaskDefinitionKey() != null) {
          pending().offered.add(new Offered(link.getProcessDefinitionKey(), task.getTaskDefinitionKey(),
              link.getGroupId(), link.getTime()));
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    private static Pending pending() {
      return Context.getCommandContext().getSession(Pending.class);
    }
  }

  private final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return Pending.class;
    }

    @Override
    public Session openSession() {
      CommandContext context = Context.getCommandContext();
      return new Pending(context.getDbSqlSession());
    }
  }

  /** One command's events, written when the engine flushes (after its own statements, before the commit). */
  private final class Pending implements Session {
    private final DbSqlSession session;
    private final List<HistoricActivityInstanceEventEntity> ended = new ArrayList<>();
    private final List<Offered> offered = new ArrayList<>();

    Pending(DbSqlSession session) {
      this.session = session;
    }

    @Override
    public void flush() {
      if (ended.isEmpty() && offered.isEmpty()) {
        return;
      }
      List<Ended> done = ended.stream().filter(a -> a.getEndTime() != null && a.getDurationInMillis() != null)
          .map(a -> new Ended(a.getProcessDefinitionKey(), a.getActivityId(), a.getActivityName(), a.getActivityType(),
              a.getEndTime(), a.getDurationInMillis())).toList();
      Connection connection = session.getSqlSession().getConnection();
      sinks.orderedStream().forEach(sink -> sink.write(connection, done, List.copyOf(offered)));
      ended.clear();
      offered.clear();
    }

    @Override
    public void close() {
      ended.clear();
      offered.clear();
    }
  }
}
