package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.CaseDependants;
import md.nrs.referral.privacy.ChainOfCustody;
import md.nrs.referral.privacy.ConsentPolicy;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataAccessRefused;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.consent.ConsentRegistry;
import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case view ({@code GET /api/cases/{caseCode}}): the case's state and consents for everyone
 * involved, the person's details only to staff of an agency with a task on the case and the person's
 * consent to share with it ({@link PersonalDataVault#read}); a child's legal representative to those with consent
 * or a legal duty (the guardianship authority with a task on the case, NRS coordinators). Managers, policy staff, the Permanent
 * Secretariat, coordinators, auditors, operators and administrators get the view without personal
 * data; anyone else 403. Every view is audited; answers are never cached.
 *
 * <p>{@code POST /api/cases/{caseCode}/consents} records a change of consent ({@code {"purpose":
 * "share-with-agency:la-strada", "given": false}}); withdrawing consent to assistance also ends the
 * case (message ConsentWithdrawn, which tells the agencies to stop).
 */
@RestController
@RequestMapping("/api/cases/{caseCode}")
public class CaseViewController {

  /** The one answer to an unknown code and to a case of others. */
  static final String NO_PART = "You have no part in this case";
  /** The shape of a case code (casefile/CaseCodes). */
  static final String CODE = "NRS-\\d{4}-\\d{1,12}";
  private static final List<String> VIEW_WITHOUT_PERSONAL_DATA;

  static {
    List<String> roles = new java.util.ArrayList<>(EncryptedPersonalDataVault.NEVER_SEE_PERSONAL_DATA);
    roles.add(NrsRole.NRS_COORDINATORS.groupId());
    VIEW_WITHOUT_PERSONAL_DATA = List.copyOf(roles);
  }

  private final PersonalDataVault vault;
  private final ConsentRegistry consents;
  private final ConsentPolicy policy;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final ChainOfCustody custody;
  private final RepresentativeRepository representatives;
  private final CaseDependants dependants;

  public CaseViewController(PersonalDataVault vault, ConsentRegistry consents, ConsentPolicy policy,
      HistoryService history, RuntimeService runtime, IdentityService identity, AuditTrail audit, ChainOfCustody custody,
      RepresentativeRepository representatives, CaseDependants dependants) {
    this.representatives = representatives;
    this.dependants = dependants;
    this.vault = vault;
    this.consents = consents;
    this.policy = policy;
    this.history = history;
    this.runtime = runtime;
    this.identity = identity;
    this.audit = audit;
    this.custody = custody;
  }

  @GetMapping
  public ResponseEntity<CaseView> view(@PathVariable String caseCode) {
    Caller caller = Caller.current(identity);
    HistoricProcessInstance instance = knownCase(caseCode)
        .orElseThrow(() -> noPart(caller, caseCode, AuditActions.CASE_VIEW, "no such case"));
    return ok(view(caseCode, instance, caller, true));
  }

  /**
   * The case view's rules, shared with the case page ({@link CaseJourneyController}): roles that read across
   * cases get it without personal data; anyone else gets the person only as the vault allows. When the vault
   * refuses, {@code refuseWhole} answers 403 (this endpoint); otherwise the view says why nothing is shown.
   */
  CaseView view(String caseCode, HistoricProcessInstance instance, Caller caller, boolean refuseWhole) {
    var inForce = consents.inForce(caseCode);
    Custody held = new Custody(responsibleTeam(instance), custody.of(caseCode), dependants.of(caseCode),
        dependants.dependantOf(caseCode).orElse(null));
    if (VIEW_WITHOUT_PERSONAL_DATA.stream().anyMatch(caller::in)) {
      audit.record(new AuditEvent(caller.userId(), AuditActions.CASE_VIEW, caseCode, "/api/cases", AuditEvent.OK,
          caller.clientAddress(), "view without personal data (role)"));
      return CaseView.of(caseCode, instance, inForce, "not shown to this role", null, held,
          representative(caseCode, instance, caller));
    }
    RepresentativeView representative = representative(caseCode, instance, caller);
    try {
      Optional<PersonRecord> person = vault.read(caseCode, caller);
      return CaseView.of(caseCode, instance, inForce, person.isPresent() ? "shown" : "none recorded",
          person.map(PersonView::of).orElse(null), held, representative);
    } catch (PersonalDataAccessRefused refused) {
      // the guardianship authority sees the case and the child's representative before consent (its legal duty)
      if (refuseWhole && representative == null) {
        if (!hadStep(caseCode, caller)) {
          throw new ApiProblem.Forbidden(NO_PART); // as for an unknown code; the vault audited the refused read
        }
        throw new ApiProblem.Forbidden("Personal data of case " + caseCode + " is not shown to you: " + refused.getMessage());
      }
      return CaseView.of(caseCode, instance, inForce, "not shown: " + refused.getMessage(), null, held, representative);
    }
  }

  /**
   * A child's legal representative, to a reader with a legal duty or consent ({@link PersonalDataVault#readRepresentative});
   * null when none was appointed with details, or the reader may not see them.
   */
  private RepresentativeView representative(String caseCode, HistoricProcessInstance instance, Caller caller) {
    if (!representatives.existsByCaseCode(caseCode)) {
      return null; // an adult's case, or no details recorded: nothing to decide or audit
    }
    try {
      boolean excluded = Boolean.TRUE.equals(caseVariable(instance, NrsCaseProcess.REPRESENTATIVE_EXCLUDED.name()));
      return vault.readRepresentative(caseCode, caller).map(r -> new RepresentativeView(r.name(), r.contact(), excluded))
          .orElse(null);
    } catch (PersonalDataAccessRefused refused) {
      return null;
    }
  }

  static boolean readsAcrossCases(Caller caller) {
    return VIEW_WITHOUT_PERSONAL_DATA.stream().anyMatch(caller::in);
  }

  /** A step of the case's process tree was (or is) for one of the caller's agencies or teams. */
  boolean hadStep(String caseCode, Caller caller) {
    return caller.groups().stream().anyMatch(group -> policy.hadTask(caseCode, group));
  }

  /** The case with this code; none for an unknown or malformed code (never looked up). */
  Optional<HistoricProcessInstance> knownCase(String caseCode) {
    return caseCode.matches(CODE) ? caseInstance(caseCode) : Optional.empty();
  }

  /**
   * An unknown code and a case the caller has no part in get the same 403 with the same body, so that no answer
   * tells which case codes exist; the audit trail keeps the real reason.
   */
  ApiProblem noPart(Caller caller, String caseCode, String action, String why) {
    audit.record(new AuditEvent(caller.userId(), action, safe(caseCode), "/api/cases", AuditEvent.REFUSED,
        caller.clientAddress(), why));
    return new ApiProblem.Forbidden(NO_PART);
  }

  @PostMapping("/consents")
  public ResponseEntity<Void> changeConsent(@PathVariable String caseCode, @RequestBody(required = false) ConsentChange change) {
    Caller caller = Caller.current(identity);
    if (change == null || !ConsentRegistry.isPurpose(change.purpose()) || change.given() == null) {
      throw new ApiProblem.Invalid("purpose must be assistance, law-enforcement, partner-abroad or "
          + "share-with-agency:<agency id>; given must be true or false");
    }
    if (knownCase(caseCode).isEmpty()) {
      throw noPart(caller, caseCode, AuditActions.CONSENT_CHANGED, "no such case");
    }
    Optional<String> agency = caller.groups().stream().filter(g -> policy.hadTask(caseCode, g)).findFirst();
    boolean coordinator = caller.in(NrsRole.NRS_COORDINATORS.groupId());
    if (agency.isEmpty() && !coordinator) { // only staff of an agency working the case, or coordinators
      throw noPart(caller, caseCode, AuditActions.CONSENT_CHANGED, "caller has no task on the case");
    }
    if (ConsentRegistry.ASSISTANCE.equals(change.purpose()) && !coordinator) {
      // Consent to assistance ends the case when withdrawn: only the agency that met the person and
      // recorded it may change it (in either direction, so no one makes itself the holder first).
      Optional<String> holder = consents.collectingAgency(caseCode).filter(caller::in);
      if (holder.isEmpty()) {
        audit.record(new AuditEvent(caller.userId(), AuditActions.CONSENT_CHANGED, caseCode, change.purpose(),
            AuditEvent.REFUSED, caller.clientAddress(), "caller's agency does not hold the consent to assistance"));
        throw new ApiProblem.Forbidden("Only the agency that recorded the person's consent to assistance, "
            + "or NRS coordinators, change consent to assistance");
      }
      agency = holder;
    }
    consents.record(caseCode, change.purpose(), change.given(), caller.userId(), agency.orElse(null), "case view");
    if (ConsentRegistry.ASSISTANCE.equals(change.purpose()) && !change.given()) {
      endCase(caseCode);
    }
    return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }

  /** The engine is told as the platform (the check above is ours); the case's own path tells the agencies. */
  private void endCase(String caseCode) {
    asPlatform(identity, () -> runtime.createMessageCorrelation(NrsCaseProcess.MESSAGE_CONSENT_WITHDRAWN)
        .processInstanceBusinessKey(caseCode).correlateAllWithResult()); // none when the case has already ended
  }

  Optional<HistoricProcessInstance> caseInstance(String caseCode) {
    return asPlatform(identity, () -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).orderByProcessInstanceStartTime()
        .desc().listPage(0, 1).stream().findFirst());
  }

  /** The team responsible for the case now (its last value once the case has ended). */
  private String responsibleTeam(HistoricProcessInstance instance) {
    return (String) caseVariable(instance, NrsCaseProcess.RESPONSIBLE_TEAM.name());
  }

  /** A variable of the case's own instance (its last value once the case has ended), or null. */
  private Object caseVariable(HistoricProcessInstance instance, String name) {
    return asPlatform(identity, () -> history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().findFirst().map(variable -> variable.getValue()).orElse(null));
  }

  /**
   * A case as the case view shows it: state, consents in force, who holds it and how it got there (the chain of
   * custody: each accepted transfer, group ids and a reason code) and, when the caller may see them, the person's
   * details. Dependants are linked cases of their own: their codes and the relation only ({@code dependants}; on a
   * dependant's case, {@code dependantOf}); each is opened with its own view and its own consent.
   */
  public record CaseView(String caseCode, String state, Instant startedAt, Instant endedAt,
      Map<String, ConsentRegistry.Decision> consents, String responsibleTeam, List<ChainOfCustody.Link> custody,
      List<CaseDependants.Link> dependants, CaseDependants.Link dependantOf, String personalData, PersonView person,
      RepresentativeView representative) {

    static CaseView of(String caseCode, HistoricProcessInstance instance, Map<String, ConsentRegistry.Decision> consents,
        String personalData, PersonView person, Custody held, RepresentativeView representative) {
      return new CaseView(caseCode, instance.getEndTime() == null ? "open" : "ended",
          instance.getStartTime() == null ? null : instance.getStartTime().toInstant(),
          instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), consents, held.responsibleTeam(),
          held.chain(), held.dependants(), held.dependantOf(), personalData, person, representative);
    }
  }

  private record Custody(String responsibleTeam, List<ChainOfCustody.Link> chain, List<CaseDependants.Link> dependants,
      CaseDependants.Link dependantOf) {
  }

  public record PersonView(String givenName, String familyName, String dateOfBirth, String sex, String phone,
      String email, String address, String documentType, String documentNumber, String familyContact) {

    static PersonView of(PersonRecord p) {
      return new PersonView(p.givenName(), p.familyName(), p.dateOfBirth() == null ? null : p.dateOfBirth().toString(),
          p.sex(), p.phone(), p.email(), p.address(), p.documentType(), p.documentNumber(), p.familyContact());
    }
  }

  /** A child's legal representative as the case view shows them; excluded when suspected of involvement. */
  public record RepresentativeView(String name, String contact, boolean excluded) {
  }

  static String safe(String caseCode) {
    return caseCode.matches(CODE) ? caseCode : "(invalid code)";
  }

  private static <T> ResponseEntity<T> ok(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }


  /** A change of consent as posted. */
  public record ConsentChange(String purpose, Boolean given) {
  }

}
