package md.nrs.referral.dependants;

import static md.nrs.referral.engine.Platform.asPlatform;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.custody.CaseHoldings;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.intake.ReferralPersonalData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a dependant to a case (issue 15, item 5) — the one service behind {@code POST /api/cases/{code}/dependants}
 * and the Tasklist form "Add a family member to a case": the team responsible for an open case, or an NRS
 * coordinator, adds a child travelling with the person or a family member also exploited. Each dependant becomes a
 * case of their own, linked to this one: a new case code, their own informed consent, their own person in the vault
 * (under their code), the case's referral facts (channel, where, district, category) with their own age band and sex
 * — so a child's case takes the child path. Case, link, person and audit are written in one transaction (the
 * caller's, when there is one: the Tasklist start's). A caller with no part in the case is refused the same way
 * whether or not the code exists; every refusal is an {@link ApiProblem} naming the field, audited, nothing created.
 */
@Service
public class DependantCases {

  static final List<String> AGE_BANDS = List.of("0-2", "3-6", "7-17", "18+", "unknown");
  static final List<String> CHILD_AGE_BANDS = List.of("0-2", "3-6", "7-17", "unknown");
  static final List<String> SEXES = List.of("female", "male", "unknown");
  private static final String COORDINATORS = NrsRole.NRS_COORDINATORS.groupId();

  private final CaseHoldings holdings;
  private final Dependants dependants;
  private final ReferralPersonalData personalData;
  private final CaseCodes caseCodes;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Validator validator;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  public DependantCases(CaseHoldings holdings, Dependants dependants, ReferralPersonalData personalData,
      CaseCodes caseCodes, RuntimeService runtime, IdentityService identity, Validator validator, AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.holdings = holdings;
    this.dependants = dependants;
    this.personalData = personalData;
    this.caseCodes = caseCodes;
    this.runtime = runtime;
    this.identity = identity;
    this.validator = validator;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Opens the dependant's linked case as {@code caller}, or refuses with an {@link ApiProblem} and changes nothing. */
  public DependantAnswer add(String code, DependantRequest request, Caller caller) {
    if (code == null || code.length() > 32 || !CaseCodes.FORMAT.matcher(code).matches()) {
      throw refused(caller, code, request, ProblemType.INVALID_REQUEST, "code", "must be a case code like NRS-2026-000123");
    }
    boolean coordinator = caller.in(COORDINATORS);
    Optional<ProcessInstance> open = holdings.openCase(code);
    if (open.isEmpty()) {
      Optional<HistoricProcessInstance> latest = holdings.latestCase(code);
      boolean hadPart = latest.isPresent() && (coordinator
          || caller.groups().stream().anyMatch(group -> holdings.hadStep(latest.get(), group)));
      if (hadPart) {
        throw refused(caller, code, request, ProblemType.CONFLICT, "code", "case " + code
            + " has ended: add dependants to an open case");
      }
      throw noPart(caller, code, request);
    }
    Optional<String> responsible = holdings.responsibleTeam(open.get().getId());
    if (!coordinator && responsible.filter(caller.groups()::contains).isEmpty()) {
      throw noPart(caller, code, request);
    }
    List<FieldError> problems = problems(request);
    if (!problems.isEmpty()) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.DEPENDANT_ADDED, code, relationOf(request),
          AuditEvent.REFUSED, caller.clientAddress(), "400 " + problems.get(0).field()));
      throw new ApiProblem(ProblemType.INVALID_REQUEST, problems.get(0).field() + " " + problems.get(0).message(), problems);
    }
    if (dependants.dependantOf(code).isPresent()) {
      throw refused(caller, code, request, ProblemType.CONFLICT, "code", "case " + code + " is itself a dependant's "
          + "case: add the dependant to the case it belongs to");
    }
    String agency = responsible.filter(caller.groups()::contains).orElse(coordinator ? COORDINATORS : null);
    return transaction.execute(status -> open(code, open.get(), request, caller, agency));
  }

  private DependantAnswer open(String code, ProcessInstance parent, DependantRequest request, Caller caller, String agency) {
    String dependant = caseCodes.next();
    dependants.link(code, dependant, request.relation(), caller.userId(), agency);
    if (request.person() != null) {
      personalData.keep(dependant, request.person(), agency, caller.userId());
    }
    Map<String, Object> facts = asPlatform(identity, () -> runtime.getVariables(parent.getId(), List.of(
        NrsCaseProcess.CHANNEL.name(), NrsCaseProcess.LOCATION.name(), NrsCaseProcess.COUNTRY.name(),
        NrsCaseProcess.DISTRICT.name(), NrsCaseProcess.CATEGORY.name())));
    Map<String, Object> start = new HashMap<>(facts);
    start.put(NrsCaseProcess.MINOR.name(), CHILD_AGE_BANDS.contains(request.ageBand()));
    start.put(NrsCaseProcess.AGE_BAND.name(), request.ageBand());
    start.put(NrsCaseProcess.SEX.name(), request.sex());
    start.put(NrsCaseProcess.IMMEDIATE_DANGER.name(), Boolean.TRUE.equals(request.immediateDanger()));
    start.put(NrsCaseProcess.REFERRAL_SUMMARY.name(), (Dependants.CHILD.equals(request.relation()) ? "Child" : "Family member")
        + " of the person of case " + code);
    ProcessInstance started = byNobody(() -> PlatformStarts.withBusinessKey(dependant,
        () -> runtime.startProcessInstanceByKey(NrsCaseProcess.KEY, dependant, start)));
    Map<String, Object> triaged = asPlatform(identity, () -> runtime.getVariables(started.getId(), List.of(
        NrsCaseProcess.PATHWAY.name(), NrsCaseProcess.RESPONSIBLE_TEAM.name(), NrsCaseProcess.MINOR.name())));
    audit.recordAfterCommit(new AuditEvent(caller.userId(), AuditActions.DEPENDANT_ADDED, code, request.relation(),
        AuditEvent.OK, caller.clientAddress(), "dependant's case " + dependant));
    return new DependantAnswer(dependant, code, request.relation(), Boolean.TRUE.equals(triaged.get(NrsCaseProcess.MINOR.name())),
        (String) triaged.get(NrsCaseProcess.PATHWAY.name()), (String) triaged.get(NrsCaseProcess.RESPONSIBLE_TEAM.name()));
  }

  /**
   * The dependant's case is the platform's act, not a referral by the user who adds it: started with nobody
   * authenticated, also from inside the Tasklist start (where the engine would otherwise take the user as the one
   * registering it, and make their agency the case's referrer), then the caller is put back.
   */
  private <T> T byNobody(Supplier<T> start) {
    Caller current = Caller.current(identity);
    if (!current.authenticated()) {
      return asPlatform(identity, start);
    }
    identity.clearAuthentication();
    try {
      return asPlatform(identity, start);
    } finally {
      identity.setAuthentication(current.userId(), current.groups());
    }
  }

  private List<FieldError> problems(DependantRequest request) {
    List<FieldError> problems = new ArrayList<>();
    if (request == null || request.relation() == null || request.relation().isBlank()) {
      problems.add(new FieldError("relation", "say how the dependant is related: " + String.join(" or ", Dependants.RELATIONS)));
    } else if (!Dependants.RELATIONS.contains(request.relation())) {
      problems.add(new FieldError("relation", "must be one of " + String.join(", ", Dependants.RELATIONS)));
    }
    String ageBand = request == null ? null : request.ageBand();
    if (ageBand == null || !AGE_BANDS.contains(ageBand)) {
      problems.add(new FieldError("ageBand", "must be one of " + String.join(", ", AGE_BANDS)));
    } else if (request != null && Dependants.CHILD.equals(request.relation()) && !CHILD_AGE_BANDS.contains(ageBand)) {
      problems.add(new FieldError("ageBand", "a child dependant is under 18 (or of unknown age)"));
    }
    String sex = request == null ? null : request.sex();
    if (sex == null || !SEXES.contains(sex)) {
      problems.add(new FieldError("sex", "must be one of " + String.join(", ", SEXES)));
    }
    if (request != null && request.person() != null) {
      // names the field, never its value
      validator.validate(request.person()).stream().map(v -> new FieldError("person." + v.getPropertyPath(), v.getMessage()))
          .sorted(Comparator.comparing(FieldError::field)).forEach(problems::add);
    }
    return problems;
  }

  private ApiProblem noPart(Caller caller, String code, DependantRequest request) {
    return refused(caller, code, request, ProblemType.FORBIDDEN, null, "You have no part in case " + code
        + " (or there is no such case): only the team responsible for an open case, or an NRS coordinator, adds dependants");
  }

  private ApiProblem refused(Caller caller, String code, DependantRequest request, ProblemType type, String field,
      String message) {
    audit.record(new AuditEvent(caller.userId(), AuditActions.DEPENDANT_ADDED, CaseCodes.shown(code), relationOf(request),
        AuditEvent.REFUSED, caller.clientAddress(), type.status() + " " + message));
    return new ApiProblem(type, message, field == null ? List.of() : List.of(new FieldError(field, message)));
  }

  private static String relationOf(DependantRequest request) {
    // List.of(...).contains(null) throws: ask only about a relation that was given
    return request != null && request.relation() != null && Dependants.RELATIONS.contains(request.relation())
        ? request.relation() : "(no valid relation)";
  }
}
