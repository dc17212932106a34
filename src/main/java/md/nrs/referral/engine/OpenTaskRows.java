package md.nrs.referral.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A page of open user tasks read as rows together with what a sweep over them needs: the candidate group the
 * task is offered to and the case code it belongs to, in one statement (instead of two engine queries per
 * task). Runs on the caller's transaction and connection, on H2 and PostgreSQL.
 *
 * <p>The case code is the {@code caseCode} text variable of the task itself, else of its execution, else of
 * its process instance: where the platform's models keep it. A scope between execution and instance (an
 * embedded sub-process) is not read; {@link #caseCodeOf} asks the engine for the rows left without one.
 */
@Component
public class OpenTaskRows {

  /** One open task; {@code candidateGroup} is the first (by name) group it is offered to, or null. */
  public record OpenTask(String id, String name, String taskDefinitionKey, String processInstanceId, Instant dueAt,
      String candidateGroup, String caseCode) {
  }

  private final ProcessEngine engine;
  private final NamedParameterJdbcTemplate jdbc;

  public OpenTaskRows(@Lazy ProcessEngine engine, NamedParameterJdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * At most {@code size} open tasks matching {@code condition} (SQL over the task table as {@code RES}, with
   * named parameters), earliest due first, then by id, so successive pages are stable.
   */
  public List<OpenTask> page(String condition, Map<String, ?> parameters, int size) {
    var management = engine.getManagementService();
    String tasks = management.getTableName(Task.class);
    String links = management.getTableName(IdentityLinkEntity.class);
    String variables = management.getTableName(VariableInstanceEntity.class);
    String caseCode = "(SELECT MIN(V.TEXT_) FROM " + variables + " V WHERE V.NAME_ = :nrsCaseCode AND V.TYPE_ = 'string' AND ";
    String sql = "SELECT RES.ID_, RES.NAME_, RES.TASK_DEF_KEY_, RES.PROC_INST_ID_, RES.DUE_DATE_,"
        + " (SELECT MIN(I.GROUP_ID_) FROM " + links + " I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = :nrsCandidate"
        + " AND I.GROUP_ID_ IS NOT NULL) AS CANDIDATE_GROUP_,"
        + " COALESCE(" + caseCode + "V.TASK_ID_ = RES.ID_),"
        + " " + caseCode + "V.EXECUTION_ID_ = RES.EXECUTION_ID_ AND V.TASK_ID_ IS NULL),"
        + " " + caseCode + "V.EXECUTION_ID_ = RES.PROC_INST_ID_ AND V.TASK_ID_ IS NULL)) AS CASE_CODE_"
        + " FROM " + tasks + " RES WHERE " + condition
        + " ORDER BY RES.DUE_DATE_ ASC, RES.ID_ ASC FETCH FIRST " + Math.max(1, size) + " ROWS ONLY";
    MapSqlParameterSource bound = new MapSqlParameterSource(parameters)
        .addValue("nrsCaseCode", CaseVariables.CASE_CODE.name()).addValue("nrsCandidate", IdentityLinkType.CANDIDATE);
    return jdbc.query(sql, bound, OpenTaskRows::row);
  }

  /** The case code as the engine resolves it through every scope, for a row the page left without one. */
  public String caseCodeOf(OpenTask task) {
    Object code = engine.getTaskService().getVariable(task.id(), CaseVariables.CASE_CODE.name());
    return code instanceof String s ? s : null;
  }

  private static OpenTask row(ResultSet rs, int number) throws SQLException {
    Timestamp due = rs.getTimestamp("DUE_DATE_");
    return new OpenTask(rs.getString("ID_"), rs.getString("NAME_"), rs.getString("TASK_DEF_KEY_"),
        rs.getString("PROC_INST_ID_"), due == null ? null : due.toInstant(), rs.getString("CANDIDATE_GROUP_"),
        rs.getString("CASE_CODE_"));
  }
}
