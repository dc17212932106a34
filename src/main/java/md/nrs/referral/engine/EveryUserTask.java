package md.nrs.referral.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A Spring bean that puts listeners on every user task (and, if it wants, every start event) of every
 * model the engine parses: the audit of completions, due dates from the SLA table, form checks. The
 * engine adapter ({@link EveryUserTaskPlugin}) registers them; features never touch the parser.
 */
public interface EveryUserTask {

  /**
   * Whether this one's listeners run before the model's own (a check that must see a submission as it
   * arrived) rather than after them (the default).
   */
  default boolean beforeModelListeners() {
    return false;
  }

  /** Called once per user task of each deployed model while it is parsed. */
  void onUserTask(UserTask task);

  /** Called once per start event (process or sub-process) while a model is parsed. */
  default void onStartEvent(StartEvent start) {
  }

  /** Called once per process of each deployed model while it is parsed (e.g. to hear when an instance ends). */
  default void onProcess(ProcessModel process) {
  }

  /** A process being parsed: its key and the execution listeners to add to each of its instances. */
  interface ProcessModel {
    /** The process key (the BPMN process id). */
    String key();

    /** Adds an execution listener for {@code event} on the process instance ({@link ExecutionListener#EVENTNAME_END}, …). */
    void on(String event, ExecutionListener listener);
  }

  /** A user task being parsed: its form and the listeners to add. */
  interface UserTask {
    /** The element id. */
    String id();

    /** The Camunda Form the task shows ({@code camunda:formRef}), or null. */
    String formRef();

    /** Adds a listener for {@code event} ({@link TaskListener#EVENTNAME_CREATE}, …_COMPLETE, …). */
    void on(String event, TaskListener listener);
  }

  /** A start event being parsed. */
  interface StartEvent {
    String id();

    String formRef();

    /** Adds an execution listener for {@code event} ({@link ExecutionListener#EVENTNAME_START}, …). */
    void on(String event, ExecutionListener listener);
  }
}
