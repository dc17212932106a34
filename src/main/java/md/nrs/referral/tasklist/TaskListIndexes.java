package md.nrs.referral.tasklist;

import javax.sql.DataSource;
import md.nrs.referral.engine.EngineIndexes;
import md.nrs.referral.engine.EngineStartup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * The index Tasklist's lists need on the engine's open tasks: the shared filters page by due date, and
 * the engine has no index on it. With the authorization check asked as a semi-join
 * ({@code engine/TaskQueryAuthorizationJoin}) PostgreSQL walks this index (or the engine's own on the
 * creation time, for Tasklist's "created" sorting) and stops at the page's last task instead of sorting
 * every task the caller may see.
 */
@Component
public class TaskListIndexes implements EngineStartup {

  static final String[] STATEMENTS = {"CREATE INDEX IF NOT EXISTS NRS_IDX_TASK_DUE ON ACT_RU_TASK (DUE_DATE_)"};

  private final DataSource dataSource;

  public TaskListIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterEngineBuilt(ProcessEngine processEngine) {
    EngineIndexes.create(dataSource, "Task list", STATEMENTS);
  }
}
