package md.nrs.referral.incidents;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.shelter.ShelterPlacementProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports on a case by the people who see what happened: a safety incident or a person nobody can reach (message
 * SafetyIncident to the case process, which opens the urgent risk review) and an early leave from the shelter (message
 * ShelterLeftEarly to the case's shelter placement, which goes to the discharge).
 *
 * <p>Who may report is decided here, per case: staff of an agency that has (had) a task in the case's own
 * process tree ({@link ConsentPolicy#hadTask}, the rule of the case view) — for an early leave, a task in
 * the case's shelter placement — and NRS coordinators. The engine is then told as the platform, since the
 * reporter may not touch the case process themselves. An unknown code is refused like a case the caller has
 * no part in, so codes cannot be probed. Nothing of the note reaches the engine, the audit trail or a log:
 * it is stored sealed with the vault's cipher.
 */
@Component
public class CaseIncidents {

  static final String NOTE_COLUMN = "nrs_case_incident.note";
  private static final String COORDINATORS = NrsRole.NRS_COORDINATORS.groupId();

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ConsentPolicy policy;
  private final CaseIncidentRepository incidents;
  private final FieldCipher cipher;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final CaseReportLock reportLock;

  public CaseIncidents(RuntimeService runtime, HistoryService history, TaskService tasks, IdentityService identity,
      ConsentPolicy policy, CaseIncidentRepository incidents, FieldCipher cipher, AuditTrail audit, Clock clock,
      PlatformTransactionManager transactions, CaseReportLock reportLock) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.policy = policy;
    this.incidents = incidents;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.reportLock = reportLock;
  }

  /**
   * Accepts the report (a new one, or the first answer again for a double click) or refuses it; a refusal
   * changes nothing but the audit trail.
   */
  public Outcome report(IncidentReport report, Caller caller) {
    Optional<HistoricProcessInstance> nrsCase = knownCode(report.caseCode()) ? latestCase(report.caseCode()) : Optional.empty();
    boolean coordinator = caller.in(COORDINATORS);
    Optional<String> agency = nrsCase.isEmpty() ? Optional.empty() : reportingAgency(report, nrsCase.get(), caller);
    if (agency.isEmpty() && !coordinator) {
      refused(report, caller, "caller's agency has no task on the case");
      return Outcome.refused(ProblemType.FORBIDDEN, report.type() == ReportType.SHELTER_LEFT_EARLY
          ? "Only the shelter's staff on the case, or NRS coordinators, report that a person left the shelter; "
              + "you have no part in case " + shown(report.caseCode())
          : "Only staff of an agency working the case, or NRS coordinators, report a safety incident or that the person "
              + "cannot be reached; "
              + "you have no part in case " + shown(report.caseCode()));
    }
    if (nrsCase.isEmpty()) { // a coordinator, who may see every case: no oracle to protect
      refused(report, caller, "no such case");
      return Outcome.invalidCode("there is no case with this code");
    }
    // The case's lock row, held until the transaction commits (for a Tasklist start form: the form's own), so a
    // second submit, on this node or another, waits and then finds the first report saved.
    return transaction.execute(status -> {
      reportLock.lock(report.caseCode());
      Optional<CaseIncident> first = recentSame(report, caller);
      if (first.isPresent()) {
        audit(report, caller, AuditEvent.OK, first.get().getId(), "repeated within "
            + IncidentLimits.DUPLICATE_WINDOW.toMinutes() + " minutes: first answer given again");
        return Outcome.accepted(first.get(), true);
      }
      Optional<String> target = openTarget(report.type(), nrsCase.get());
      if (target.isEmpty()) {
        return closed(report, caller, nrsCase.get());
      }
      CaseIncident saved = correlateAndRecord(report, caller, agency.orElse(null), target.get());
      audit(report, caller, AuditEvent.OK, saved.getId(), "reported; task " + saved.routedTask());
      return Outcome.accepted(saved, false);
    });
  }

  /** Nothing waits for the report: the case has ended, or (early leave) no shelter stay is running. */
  private Outcome closed(IncidentReport report, Caller caller, HistoricProcessInstance nrsCase) {
    if (report.type().toTheCase() || nrsCase.getEndTime() != null) {
      refused(report, caller, "case has ended");
      return Outcome.invalidCode("case " + shown(report.caseCode()) + " has ended: incidents are reported on open cases");
    }
    refused(report, caller, "no active shelter stay");
    return Outcome.refused(ProblemType.CONFLICT, "Case " + shown(report.caseCode())
        + " has no active shelter stay to end");
  }

  private CaseIncident correlateAndRecord(IncidentReport report, Caller caller, String agency, String instance) {
    String taskKey = report.type().toTheCase() ? NrsCaseProcess.Elements.URGENT_RISK_REVIEW
        : ShelterPlacementProcess.Elements.DISCHARGE;
    RoutedTask task = asPlatform(identity, () -> {
      Set<String> before = taskIds(instance, taskKey);
      runtime.createMessageCorrelation(message(report.type())).processInstanceId(instance).correlateWithResult();
      return newTask(instance, taskKey, before);
    });
    String note = report.note() == null || report.note().isBlank() ? null : report.note();
    CaseIncident incident = new CaseIncident(UUID.randomUUID().toString(), report, caller.userId(), agency,
        clock.instant(), instance, task, cipher.seal(note, report.caseCode(), NOTE_COLUMN),
        note == null ? null : cipher.activeKeyId());
    return incidents.save(incident);
  }

  /** The agency of the caller allowed to report: for an early leave, one with a task in the case's shelter placement. */
  private Optional<String> reportingAgency(IncidentReport report, HistoricProcessInstance nrsCase, Caller caller) {
    if (report.type().toTheCase()) {
      return caller.groups().stream().filter(group -> policy.hadTask(report.caseCode(), group)).findFirst();
    }
    List<String> placements = asPlatform(identity, () -> shelterPlacements(nrsCase).stream()
        .map(HistoricProcessInstance::getId).toList());
    return caller.groups().stream().filter(group -> asPlatform(identity, () -> placements.stream().anyMatch(
        placement -> history.createHistoricTaskInstanceQuery().processInstanceId(placement).taskHadCandidateGroup(group)
            .count() > 0))).findFirst();
  }

  /** The running process instance the report's message goes to, while it waits for that message. */
  private Optional<String> openTarget(ReportType type, HistoricProcessInstance nrsCase) {
    if (nrsCase.getEndTime() != null) {
      return Optional.empty();
    }
    List<String> candidates = type.toTheCase() ? List.of(nrsCase.getId())
        : asPlatform(identity, () -> shelterPlacements(nrsCase).stream().filter(p -> p.getEndTime() == null)
            .map(HistoricProcessInstance::getId).toList());
    return asPlatform(identity, () -> candidates.stream().filter(instance -> runtime.createExecutionQuery()
        .processInstanceId(instance).messageEventSubscriptionName(message(type)).count() > 0).findFirst());
  }

  /** Shelter placements in the case's own tree (another process carrying the code does not count). */
  private List<HistoricProcessInstance> shelterPlacements(HistoricProcessInstance nrsCase) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ShelterPlacementProcess.KEY)
        .rootProcessInstanceId(nrsCase.getRootProcessInstanceId()).list();
  }

  private Optional<HistoricProcessInstance> latestCase(String caseCode) {
    return asPlatform(identity, () -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).orderByProcessInstanceStartTime()
        .desc().listPage(0, 1).stream().findFirst());
  }

  private Optional<CaseIncident> recentSame(IncidentReport report, Caller caller) {
    Instant since = clock.instant().minus(IncidentLimits.DUPLICATE_WINDOW);
    return incidents.findByCaseCodeAndReportedByAndReportTypeAndKindAndReportedAtGreaterThanEqualOrderByReportedAtAsc(
        report.caseCode(), caller.userId(), report.type().wireName(), report.kind(), since).stream().findFirst();
  }

  private Set<String> taskIds(String instance, String taskKey) {
    Set<String> ids = new HashSet<>();
    tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list().forEach(t -> ids.add(t.getId()));
    return ids;
  }

  /** The task the message opened: the one of this step that was not there before. */
  private RoutedTask newTask(String instance, String taskKey, Set<String> before) {
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list()) {
      if (!before.contains(task.getId())) {
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId).sorted().findFirst().orElse(null);
        return new RoutedTask(task.getId(), group, task.getDueDate() == null ? null : task.getDueDate().toInstant());
      }
    }
    return null;
  }

  private static String message(ReportType type) {
    return type.toTheCase() ? NrsCaseProcess.MESSAGE_SAFETY_INCIDENT
        : ShelterPlacementProcess.MESSAGE_LEFT_EARLY;
  }

  private void refused(IncidentReport report, Caller caller, String reason) {
    audit(report, caller, AuditEvent.REFUSED, report.type().wireName(), reason);
  }

  /** Who, which case, what kind and the outcome; never the note. */
  private void audit(IncidentReport report, Caller caller, String outcome, String subject, String detail) {
    audit.record(new AuditEvent(caller.userId(), AuditActions.INCIDENT_REPORTED, shown(report.caseCode()), subject,
        outcome, caller.clientAddress(), report.type().wireName() + " " + report.kind() + " on " + report.occurredOn()
            + ": " + detail));
  }

  private static boolean knownCode(String caseCode) {
    return caseCode != null && caseCode.length() <= 32 && CaseCodes.FORMAT.matcher(caseCode).matches();
  }

  /** The code as sent only when it has the shape of a case code: anything else is not echoed. */
  static String shown(String caseCode) {
    return knownCode(caseCode) ? caseCode : "(invalid code)";
  }

  /** The answer to a report: accepted (new or repeated) or refused with a status and a message naming the problem. */
  public record Outcome(CaseIncident incident, boolean repeated, int status, ProblemType type, String message, String field) {

    static Outcome accepted(CaseIncident incident, boolean repeated) {
      return new Outcome(incident, repeated, repeated ? 200 : 201, null, null, null);
    }

    static Outcome refused(ProblemType type, String message) {
      return new Outcome(null, false, type.status(), type, message, null);
    }

    static Outcome invalidCode(String problem) {
      return new Outcome(null, false, 400, ProblemType.INVALID_REQUEST, "Invalid code: " + problem, "code");
    }
  }
}
