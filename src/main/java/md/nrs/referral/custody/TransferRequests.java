package md.nrs.referral.custody;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import java.util.Optional;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a transfer may be requested, one rule for both ways in (the REST API and Tasklist's start form, whose
 * first service task asks again inside the engine): a known reason; a receiving team that is an active agency or
 * team of the directory and not the one holding it already; an open case; a requester of the responsible team,
 * of the agency providing the service moved, or an NRS coordinator; no other transfer of the case waiting. A
 * caller with no part in the case is refused the same way whether or not the code exists.
 */
@Component
public class TransferRequests {

  static final String COORDINATORS = NrsRole.NRS_COORDINATORS.groupId();
  private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile("[a-z][a-z-]{0,29}");

  private final CaseHoldings holdings;
  private final Agencies agencies;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<IdentityService> identity;

  public TransferRequests(CaseHoldings holdings, Agencies agencies, ObjectProvider<RuntimeService> runtime,
      ObjectProvider<IdentityService> identity) {
    this.holdings = holdings;
    this.agencies = agencies;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Accepted (with the scope and the team that holds it now) or refused (status, field and message). */
  public Verdict check(String caseCode, String scope, String toTeam, String reason, List<String> groups) {
    if (caseCode == null || caseCode.length() > 32 || !CaseCodes.FORMAT.matcher(caseCode).matches()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "must be a case code like NRS-2026-000123");
    }
    String wantedScope = scope == null || scope.isBlank() ? CaseTransferProcess.SCOPE_CASE : scope;
    if (!SCOPE.matcher(wantedScope).matches()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.SCOPE, "must be case or the service type of a running "
          + "service of the case (legal, medical, ...)");
    }
    if (toTeam == null || toTeam.isBlank()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.TO_TEAM, "name the team that is to take the case over");
    }
    if (toTeam.length() > 64 || !agencies.exists(toTeam)) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.TO_TEAM, "is not an agency or team of the directory");
    }
    if (agencies.activeAmong(List.of(toTeam)).isEmpty()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.TO_TEAM, toTeam + " is not active in the directory");
    }
    if (TransferReason.of(reason).isEmpty()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.REASON, reason == null || reason.isBlank()
          ? "give the reason for the transfer" : "must be one of " + String.join(", ", TransferReason.WIRE_NAMES));
    }
    boolean coordinator = groups.contains(COORDINATORS);
    Optional<HistoricProcessInstance> latest = holdings.latestCase(caseCode);
    if (latest.isEmpty()) {
      return coordinator ? Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "there is no case " + caseCode)
          : noPart(caseCode);
    }
    Optional<ProcessInstance> open = holdings.openCase(caseCode);
    if (open.isEmpty()) {
      boolean hadPart = coordinator || groups.stream().anyMatch(group -> holdings.hadStep(latest.get(), group));
      return hadPart ? Verdict.refused(ProblemType.CONFLICT, Field.CODE, "case " + caseCode
          + " has ended: only an open case can be transferred") : noPart(caseCode);
    }
    String caseInstance = open.get().getId();
    Optional<String> responsible = holdings.responsibleTeam(caseInstance);
    Optional<String> from;
    boolean mayAsk;
    if (CaseTransferProcess.SCOPE_CASE.equals(wantedScope)) {
      from = responsible;
      mayAsk = coordinator || responsible.filter(groups::contains).isPresent();
    } else {
      Optional<CaseHoldings.RunningService> service = holdings.runningServices(caseInstance).stream()
          .filter(s -> wantedScope.equals(s.serviceType())).findFirst();
      boolean partOfCase = coordinator || responsible.filter(groups::contains).isPresent()
          || holdings.agenciesWithOpenSteps(caseInstance).stream().anyMatch(groups::contains);
      if (!partOfCase) {
        return noPart(caseCode);
      }
      if (service.isEmpty() || service.get().providerAgency() == null) {
        return Verdict.refused(ProblemType.CONFLICT, Field.SCOPE, "case " + caseCode + " has no running " + wantedScope
            + " service with a provider to transfer");
      }
      from = Optional.of(service.get().providerAgency());
      mayAsk = true;
    }
    if (!mayAsk || from.isEmpty()) {
      return noPart(caseCode);
    }
    if (from.get().equals(toTeam)) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.TO_TEAM, toTeam + " already has "
          + (CaseTransferProcess.SCOPE_CASE.equals(wantedScope) ? "the case" : "the " + wantedScope + " service"));
    }
    if (pendingTransfer(caseCode)) {
      return Verdict.refused(ProblemType.CONFLICT, Field.CODE, "a transfer of case " + caseCode
          + " is already waiting for the receiving team's answer");
    }
    return Verdict.accepted(wantedScope, from.get(), TransferReason.of(reason).get());
  }

  private boolean pendingTransfer(String caseCode) {
    return asPlatform(identity.getObject(), () -> runtime.getObject().createProcessInstanceQuery()
        .processDefinitionKey(CaseTransferProcess.KEY).processInstanceBusinessKey(caseCode).count() > 0);
  }

  private static Verdict noPart(String caseCode) {
    return Verdict.refused(ProblemType.FORBIDDEN, null, "Only the team responsible for a case, the agency providing "
        + "the service moved, or NRS coordinators transfer it; you have no part in case " + caseCode);
  }

  /** The fields a refusal can name, as the REST API and the start form call them. */
  public enum Field {
    CODE("code", "caseCode"), SCOPE("scope", "transferScope"), TO_TEAM("toTeam", "toTeam"),
    REASON("reason", "transferReason");

    private final String inApi;
    private final String inForm;

    Field(String inApi, String inForm) {
      this.inApi = inApi;
      this.inForm = inForm;
    }

    public String inApi() {
      return inApi;
    }

    public String inForm() {
      return inForm;
    }
  }

  /** The answer: accepted with scope and current holder, or refused with its kind, field (may be null) and message. */
  public record Verdict(String scope, String fromTeam, TransferReason reason, ProblemType refusal, Field field,
      String message) {

    static Verdict accepted(String scope, String fromTeam, TransferReason reason) {
      return new Verdict(scope, fromTeam, reason, null, null, null);
    }

    static Verdict refused(ProblemType type, Field field, String message) {
      return new Verdict(null, null, null, type, field, message);
    }

    public boolean accepted() {
      return refusal == null;
    }
  }
}
