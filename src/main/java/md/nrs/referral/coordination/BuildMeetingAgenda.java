package md.nrs.referral.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.sla.SlaEvent;
import md.nrs.referral.sla.SlaEventRepository;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The meeting's agenda, by case code only: open cases of the district that breached a time limit
 * (nrs_sla_event), had a safety incident (the case's safety-incident event sub-process) or have a step
 * that failed (an engine incident, e.g. an agency's system unreachable) since the agenda's start day.
 * Closed cases are left out: nothing to coordinate any more.
 */
@Component("buildMeetingAgenda")
public class BuildMeetingAgenda implements JavaDelegate {

  /** Below the 4,000 characters of a text process variable, with room for the closing line. */
  static final int AGENDA_MAX = 3800;

  private final SlaEventRepository slaEvents;
  private final CoordinationMeetingSchedule schedule;
  private final Clock clock;

  public BuildMeetingAgenda(SlaEventRepository slaEvents, CoordinationMeetingSchedule schedule, Clock clock) {
    this.slaEvents = slaEvents;
    this.schedule = schedule;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CoordinationMeetingProperties.District district = schedule.district(CoordinationMeetingProcess.DISTRICT.get(execution));
    LocalDate sinceDay = CoordinationMeetingProcess.AGENDA_SINCE.get(execution);
    Instant since = sinceDay.atStartOfDay(clock.getZone()).toInstant();
    OpenCases open = new OpenCases(execution.getProcessEngineServices(), district);

    List<String> breaches = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>();
    // in the order the steps fell due (a sweep records a page of breaches together, in no meaningful id order), so the
    // agenda's "latest first" is the most recently due first
    List<SlaEvent> recorded = new ArrayList<>(
        slaEvents.findByKindAndRecordedAtGreaterThanEqualOrderByIdAsc(SlaEvent.Kind.BREACH, since));
    recorded.sort(Comparator.comparing(SlaEvent::getDueAt));
    for (SlaEvent breach : recorded) {
      if (open.inDistrict(breach.getCaseCode())) {
        breaches.add(breach.getCaseCode() + ": " + breach.getStep() + " (" + (breach.getAgencyId() == null ? "no agency" : breach.getAgencyId())
            + "), " + overdue(breach.getOverdueMinutes()) + " late when noticed");
        codes.add(breach.getCaseCode());
      }
    }
    List<String> incidents = new ArrayList<>();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    for (HistoricActivityInstance incident : engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(NrsCaseProcess.Elements.URGENT_RISK_REVIEW).startedAfter(Date.from(since)).list()) {
      HistoricProcessInstance nrsCase = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(incident.getProcessInstanceId()).singleResult();
      if (nrsCase != null && open.inDistrict(nrsCase.getBusinessKey())) {
        incidents.add(nrsCase.getBusinessKey() + ": safety incident, urgent risk review "
            + (incident.getEndTime() == null ? "still open" : "done"));
        codes.add(nrsCase.getBusinessKey());
      }
    }
    for (Incident failure : engine.getRuntimeService().createIncidentQuery().list()) {
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(failure.getProcessInstanceId()).singleResult();
      if (instance != null && open.inDistrict(instance.getBusinessKey())) {
        incidents.add(instance.getBusinessKey() + ": a step failed (" + failure.getActivityId() + "), see Cockpit");
        codes.add(instance.getBusinessKey());
      }
    }

    CoordinationMeetingProcess.AGENDA.set(execution, agenda(district.id(), sinceDay, breaches, incidents));
    CoordinationMeetingProcess.AGENDA_CASE_CODES.set(execution, new ArrayList<>(codes));
    CoordinationMeetingProcess.BREACHES_ON_AGENDA.set(execution, breaches.size());
    CoordinationMeetingProcess.INCIDENTS_ON_AGENDA.set(execution, incidents.size());
  }

  private static String agenda(String district, LocalDate since, List<String> breaches, List<String> incidents) {
    StringBuilder text = new StringBuilder("Coordination meeting, " + district + ": open cases since " + since + ".\n");
    if (breaches.isEmpty() && incidents.isEmpty()) {
      return text.append("No time limit breached and no incident in open cases.").toString();
    }
    List<String> lines = new ArrayList<>();
    if (!incidents.isEmpty()) { // incidents first: they may put a person at risk now
      lines.add("\nIncidents:");
      incidents.forEach(line -> lines.add("- " + line));
    }
    if (!breaches.isEmpty()) { // the most recently due first
      lines.add("\nTime limits breached:");
      List<String> latestFirst = new ArrayList<>(breaches);
      Collections.reverse(latestFirst);
      latestFirst.forEach(line -> lines.add("- " + line));
    }
    // A text variable holds at most 4,000 characters: what does not fit is counted, the figures have it all
    int shown = 0;
    for (String line : lines) {
      if (text.length() + line.length() + 1 > AGENDA_MAX) {
        break;
      }
      text.append(line).append('\n');
      shown++;
    }
    if (shown < lines.size()) {
      text.append("\n... and ").append(lines.size() - shown).append(" more line(s): see the bottleneck panel in Cockpit");
    }
    return text.toString().strip();
  }

  private static String overdue(long minutes) {
    Duration late = Duration.ofMinutes(minutes);
    return late.toDays() > 0 ? late.toDays() + " d" : late.toHours() > 0 ? late.toHours() + " h" : minutes + " min";
  }

  /** Whether a case code names an open NRS case of the district (its responsible team among the district's). */
  private static final class OpenCases {
    private final ProcessEngineServices engine;
    private final CoordinationMeetingProperties.District district;

    OpenCases(ProcessEngineServices engine, CoordinationMeetingProperties.District district) {
      this.engine = engine;
      this.district = district;
    }

    boolean inDistrict(String caseCode) {
      if (caseCode == null || !CaseCodes.FORMAT.matcher(caseCode).matches()) {
        return false;
      }
      ProcessInstance nrsCase = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
          .processInstanceBusinessKey(caseCode).singleResult();
      if (nrsCase == null) {
        return false;
      }
      return district.teams().isEmpty()
          || district.teams().contains(engine.getRuntimeService().getVariable(nrsCase.getId(), NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    }
  }
}
