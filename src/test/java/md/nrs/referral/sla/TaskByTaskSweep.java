package md.nrs.referral.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.engine.CaseVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The overdue half of the SLA sweep as it was before it worked in pages of rows (commit f58a89b), kept for the
 * benchmark to measure against in the same run: per overdue task two reads (identity links, case code), an
 * exists-check and a JPA insert, one notice and one escalation start after the other.
 */
public final class TaskByTaskSweep {

  private final ProcessEngine engine;
  private final SlaEventRepository events;
  private final AgencyNotifications notifications;
  private final MeterRegistry meters;
  private final int page;

  public TaskByTaskSweep(ProcessEngine engine, SlaEventRepository events, AgencyNotifications notifications,
      MeterRegistry meters, int page) {
    this.engine = engine;
    this.events = events;
    this.notifications = notifications;
    this.meters = meters;
    this.page = page;
  }

  /** One page of breaches at {@code now}, in the caller's transaction; returns how many it recorded. */
  public int breaches(Instant now) {
    var query = engine.getTaskService().createNativeTaskQuery().sql("SELECT RES.* FROM "
        + engine.getManagementService().getTableName(Task.class) + " RES WHERE RES.DUE_DATE_ < #{to} AND RES.TASK_DEF_KEY_ <> #{escalation}"
        + " AND NOT EXISTS (SELECT 1 FROM nrs_sla_event E WHERE E.task_id = RES.ID_ AND E.kind = #{kind})"
        + " ORDER BY RES.DUE_DATE_ ASC, RES.ID_ ASC").parameter("kind", SlaEvent.Kind.BREACH.name())
        .parameter("to", Date.from(now)).parameter("escalation", SlaEscalationProcess.Elements.ACT_ON_OVERDUE_STEP);
    int recorded = 0;
    for (Task task : query.listPage(0, page)) {
      String agency = agencyOf(task);
      String caseCode = caseCodeOf(task);
      if (events.existsByTaskIdAndKind(task.getId(), SlaEvent.Kind.BREACH)) {
        continue;
      }
      events.save(new SlaEvent(task.getId(), SlaEvent.Kind.BREACH, caseCode, task.getTaskDefinitionKey(), agency,
          task.getProcessInstanceId(), task.getDueDate().toInstant(), now));
      meters.counter("nrs.sla.breaches", "step", task.getTaskDefinitionKey(), "agency", agency == null ? "none" : agency)
          .increment();
      if (agency != null && caseCode != null) {
        notifications.notify(new AgencyNotification(agency, caseCode, task.getTaskDefinitionKey(),
            "Overdue: \"" + task.getName() + "\" was due and is not done; the NRS coordinators are told",
            task.getDueDate().toInstant(), task.getProcessInstanceId()));
      }
      recorded++;
      if (caseCode == null) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(SlaEscalationProcess.CASE_CODE.name(), caseCode);
      variables.put(SlaEscalationProcess.OVERDUE_STEP.name(), task.getName());
      variables.put(SlaEscalationProcess.OVERDUE_STEP_ID.name(), task.getTaskDefinitionKey());
      variables.put(SlaEscalationProcess.OVERDUE_TASK_ID.name(), task.getId());
      variables.put(SlaEscalationProcess.OVERDUE_AGENCY.name(), agency);
      variables.put(SlaEscalationProcess.DUE_AT.name(), task.getDueDate().toInstant().toString());
      PlatformStarts.withBusinessKey(caseCode,
          () -> engine.getRuntimeService().startProcessInstanceByKey(SlaEscalationProcess.KEY, caseCode, variables));
    }
    return recorded;
  }

  private String agencyOf(Task task) {
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  private String caseCodeOf(Task task) {
    Object code = engine.getTaskService().getVariable(task.getId(), CaseVariables.CASE_CODE.name());
    return code instanceof String s ? s : null;
  }
}
