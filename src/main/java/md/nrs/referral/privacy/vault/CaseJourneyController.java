package md.nrs.referral.privacy.vault;

import static md.nrs.referral.engine.Platform.asPlatform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.RequestLanguage;
import md.nrs.referral.i18n.Translations;
import md.nrs.referral.identity.IdentitySeeder;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case page's data (Tasklist's "case page" and the intake API): {@code GET /api/cases/{caseCode}/journey} is
 * the case's journey — every step of its process tree, done and open, with the agencies or teams it was for, when
 * it opened and ended and its due date — with the consents and the person exactly as the case view shows them
 * ({@link CaseViewController#view}); {@code GET /api/referrals} lists the referrals the caller's agency made.
 *
 * <p>Who sees what: roles that read across cases and NRS coordinators see the journey without personal data;
 * an agency or team with a step on the case sees the journey, and the person only as the vault allows; the
 * agency that referred the case (its registration was started by one of its staff) sees only the referral's
 * state: registered, open steps and their team, ended or not. Anyone else, an unknown code and a malformed code
 * get the same 403, so the endpoint tells no one which case codes exist. Every answer is audited, never cached,
 * and in the caller's language.
 */
@RestController
public class CaseJourneyController {

  static final String NO_PART = CaseViewController.NO_PART;
  static final String STEP_OPEN = "open";
  static final String STEP_DONE = "done";
  static final String STEP_ENDED = "ended without being done";
  private static final String SHARE_WITH = ConsentRegistry.shareWith("");

  private final CaseViewController cases;
  private final HistoryService history;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final Translations translations;
  private final RequestLanguage languages;

  public CaseJourneyController(CaseViewController cases, HistoryService history,
      IdentityService identity, AuditTrail audit, Translations translations, RequestLanguage languages) {
    this.cases = cases;
    this.history = history;
    this.identity = identity;
    this.audit = audit;
    this.translations = translations;
    this.languages = languages;
  }

  @GetMapping("/api/cases/{caseCode}/journey")
  public ResponseEntity<Journey> journey(@PathVariable String caseCode, HttpServletRequest request) {
    Caller caller = Caller.current(identity);
    Language language = languages.of(request);
    HistoricProcessInstance instance = cases.knownCase(caseCode).orElse(null);
    if (instance == null) {
      refuse(caller, caseCode, "no such case");
    }
    boolean acrossCases = CaseViewController.readsAcrossCases(caller);
    boolean hadStep = !acrossCases && cases.hadStep(caseCode, caller);
    if (acrossCases || hadStep) {
      if (hadStep) { // the roles that read across cases are audited by the case view itself
        audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_VIEW, caseCode, "/api/cases/journey", AuditEvent.OK,
            caller.clientAddress(), "the journey, for an agency with a step on the case"));
      }
      CaseViewController.CaseView view = cases.view(caseCode, instance, caller, false);
      return answer(language, new Journey(caseCode, "case", view.state(), view.startedAt(), view.endedAt(),
          ending(instance, language), steps(instance, language, false), view.consents(), agencyNames(view.consents()),
          view.personalData(), view.person(), view.representative()));
    }
    if (referredBy(caller, instance)) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_VIEW, caseCode, "/api/cases/journey", AuditEvent.OK,
          caller.clientAddress(), "the referral's state, for the referring agency"));
      return answer(language, new Journey(caseCode, "referrer", instance.getEndTime() == null ? "open" : "ended",
          instant(instance.getStartTime()), instant(instance.getEndTime()), ending(instance, language),
          steps(instance, language, true), Map.of(), Map.of(), "not shown to the referring agency", null, null));
    }
    refuse(caller, caseCode, "no step on the case, not its referrer");
    return null; // not reached
  }

  /** The referrals the caller's agencies made (registered by any of their staff), newest first, with their state only. */
  @GetMapping("/api/referrals")
  public ResponseEntity<List<Referral>> referrals(HttpServletRequest request) {
    Caller caller = Caller.current(identity);
    Language language = languages.of(request);
    List<String> agencies = agenciesOf(caller.userId());
    List<Referral> referrals = new ArrayList<>();
    asPlatform(identity, () -> {
      List<String> colleagues = agencies.stream()
          .flatMap(agency -> identity.createUserQuery().memberOfGroup(agency).list().stream())
          .map(org.camunda.bpm.engine.identity.User::getId).distinct().toList();
      for (String colleague : colleagues) {
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(NrsCaseProcess.KEY).startedBy(colleague).list()) {
          List<Step> open = steps(instance, language, true);
          referrals.add(new Referral(instance.getBusinessKey(), instant(instance.getStartTime()),
              instance.getEndTime() == null ? "open" : "ended", instant(instance.getEndTime()), ending(instance, language),
              open));
        }
      }
      return null;
    });
    referrals.sort(Comparator.comparing(Referral::registeredAt, Comparator.nullsLast(Comparator.reverseOrder())));
    audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_VIEW, "-", "/api/referrals", AuditEvent.OK,
        caller.clientAddress(), referrals.size() + " referrals of " + String.join(",", agencies)));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .header("Content-Language", language.tag()).body(referrals);
  }

  private boolean referredBy(Caller caller, HistoricProcessInstance instance) {
    String starter = instance.getStartUserId();
    if (starter == null) {
      return false;
    }
    List<String> theirs = asPlatform(identity, () -> agenciesOf(starter));
    return theirs.stream().anyMatch(caller::in);
  }

  private List<String> agenciesOf(String userId) {
    return asPlatform(identity, () -> identity.createGroupQuery().groupMember(userId).list().stream()
        .filter(g -> IdentitySeeder.TYPE_AGENCY.equals(g.getType()) || IdentitySeeder.TYPE_TEAM.equals(g.getType()))
        .map(Group::getId).sorted().toList());
  }

  /** Every user task of the case's process tree (the called sub-paths too), oldest first; only open ones if asked. */
  private List<Step> steps(HistoricProcessInstance nrsCase, Language language, boolean openOnly) {
    return asPlatform(identity, () -> {
      var query = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(
          nrsCase.getRootProcessInstanceId() == null ? nrsCase.getId() : nrsCase.getRootProcessInstanceId());
      if (openOnly) {
        query.unfinished();
      }
      Map<String, String> names = new LinkedHashMap<>();
      List<Step> steps = new ArrayList<>();
      for (HistoricTaskInstance task : query.orderByHistoricActivityInstanceStartTime().asc().list()) {
        List<Team> teams = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
            .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
            .filter(Objects::nonNull).distinct().map(id -> new Team(id, names.computeIfAbsent(id, this::groupName))).toList();
        String name = translations.text(language, "task." + task.getProcessDefinitionKey() + "." + task.getTaskDefinitionKey(),
            task.getName());
        String state = task.getEndTime() == null ? STEP_OPEN : "completed".equals(task.getDeleteReason()) ? STEP_DONE : STEP_ENDED;
        steps.add(new Step(name, state, teams, instant(task.getStartTime()), instant(task.getEndTime()), instant(task.getDueDate())));
      }
      return steps;
    });
  }

  /** How the case ended: the name of its end event in the caller's language (as the model calls it, if untranslated). */
  private String ending(HistoricProcessInstance instance, Language language) {
    if (instance.getEndTime() == null || instance.getEndActivityId() == null) {
      return null;
    }
    String modelled = asPlatform(identity, () -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(instance.getEndActivityId()).list().stream().map(HistoricActivityInstance::getActivityName)
        .filter(Objects::nonNull).findFirst().orElse(instance.getEndActivityId()));
    return translations.text(language, "ending." + NrsCaseProcess.KEY + "." + instance.getEndActivityId(), modelled);
  }

  /** The directory's names of the agencies the consents name (share-with-agency:&lt;id&gt;), by id. */
  private Map<String, String> agencyNames(Map<String, ConsentRegistry.Decision> consents) {
    Map<String, String> names = new java.util.TreeMap<>();
    asPlatform(identity, () -> {
      consents.keySet().stream().filter(purpose -> purpose.startsWith(SHARE_WITH))
          .map(purpose -> purpose.substring(SHARE_WITH.length()))
          .forEach(agency -> names.put(agency, groupName(agency)));
      return null;
    });
    return names;
  }

  private String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  private void refuse(Caller caller, String caseCode, String why) {
    audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_VIEW, CaseViewController.safe(caseCode),
        "/api/cases/journey", AuditEvent.REFUSED, caller.clientAddress(), why));
    throw new ApiProblem.Forbidden(NO_PART);
  }

  private static ResponseEntity<Journey> answer(Language language, Journey journey) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Content-Language", language.tag()).body(journey);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /**
   * The case page: {@code view} is "case" (the journey) or "referrer" (the referral's state only); {@code agencies}
   * names, by id, the agencies the consents are about.
   */
  public record Journey(String caseCode, String view, String state, Instant registeredAt, Instant endedAt, String ending,
      List<Step> steps, Map<String, ConsentRegistry.Decision> consents, Map<String, String> agencies, String personalData,
      CaseViewController.PersonView person, CaseViewController.RepresentativeView representative) {
  }

  /** One step: its name in the caller's language, open / done / ended without being done, and for whom. */
  public record Step(String name, String state, List<Team> teams, Instant openedAt, Instant endedAt, Instant dueAt) {
  }

  public record Team(String id, String name) {
  }

  /** A referral as its referring agency sees it: code, registered, open or ended, and the steps open now. */
  public record Referral(String caseCode, Instant registeredAt, String state, Instant endedAt, String ending,
      List<Step> openSteps) {
  }
}
