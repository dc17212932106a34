package md.nrs.referral.caseexit;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a proposal to end a case may be made, one rule for both ways in (the REST API and the start form in
 * Tasklist, whose first service task asks again inside the engine): a known reason; for lost contact at least
 * the documented attempts case-exit-policy.dmn asks; an open case; a proposer of an agency with an open step on
 * the case, or an NRS coordinator; no other proposal waiting for its decision. A caller with no part in the case
 * is refused the same way whether or not the code exists, so codes cannot be probed.
 */
@Component
public class ExitProposals {

  static final String COORDINATORS = NrsRole.NRS_COORDINATORS.groupId();

  private final CaseSteps steps;
  private final ObjectProvider<DecisionService> decisions;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<IdentityService> identity;

  public ExitProposals(CaseSteps steps, ObjectProvider<DecisionService> decisions, ObjectProvider<RuntimeService> runtime,
      ObjectProvider<IdentityService> identity) {
    this.steps = steps;
    this.decisions = decisions;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Accepted (with the agency the proposer speaks for) or refused (status, field and message). */
  public Verdict check(String caseCode, String reason, Integer contactAttempts, String userId, List<String> groups) {
    if (caseCode == null || caseCode.length() > 32 || !CaseCodes.FORMAT.matcher(caseCode).matches()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "must be a case code like NRS-2026-000123");
    }
    Optional<ExitReason> exitReason = ExitReason.of(reason);
    if (exitReason.isEmpty()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.REASON, reason == null || reason.isBlank()
          ? "give the reason for ending the case" : "must be one of " + String.join(", ", ExitReason.WIRE_NAMES));
    }
    if (contactAttempts != null && contactAttempts < 0) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.CONTACT_ATTEMPTS, "must be 0 or more");
    }
    int needed = minimumContactAttempts(exitReason.get());
    if ((contactAttempts == null ? 0 : contactAttempts) < needed) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.CONTACT_ATTEMPTS, "a case ends for "
          + exitReason.get().wireName() + " only after at least " + needed + " documented attempts to reach the person");
    }
    boolean coordinator = groups.contains(COORDINATORS);
    Optional<HistoricProcessInstance> nrsCase = steps.latestCase(caseCode);
    if (nrsCase.isEmpty()) {
      return coordinator ? Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "there is no case " + caseCode)
          : noPart(caseCode);
    }
    Optional<ProcessInstance> open = steps.openCase(caseCode);
    if (open.isEmpty()) {
      boolean hadPart = coordinator || groups.stream().anyMatch(group -> steps.hadStep(nrsCase.get(), group));
      return hadPart ? Verdict.refused(ProblemType.CONFLICT, Field.CODE, "case " + caseCode
          + " has ended: only an open case can be ended") : noPart(caseCode);
    }
    var withOpenSteps = steps.agenciesWithOpenSteps(open.get().getId());
    Optional<String> agency = groups.stream().filter(withOpenSteps::contains).filter(g -> !g.equals(COORDINATORS)).findFirst()
        .or(() -> coordinator ? Optional.of(COORDINATORS) : Optional.empty());
    if (agency.isEmpty()) {
      return noPart(caseCode);
    }
    if (pendingProposal(caseCode)) {
      return Verdict.refused(ProblemType.CONFLICT, Field.CODE, "a proposal to end case " + caseCode
          + " is already waiting for the coordinator's decision");
    }
    return Verdict.accepted(agency.get(), exitReason.get());
  }

  /** N of the policy table: the documented attempts a proposal for this reason needs. */
  int minimumContactAttempts(ExitReason reason) {
    Map<String, Object> row = asPlatform(identity.getObject(), () -> decisions.getObject()
        .evaluateDecisionTableByKey(CaseExitProcess.POLICY_DECISION,
            Map.of(CaseExitProcess.EXIT_REASON.name(), reason.wireName())).getSingleResult().getEntryMap());
    Object minimum = row.get(CaseExitProcess.MINIMUM_CONTACT_ATTEMPTS.name());
    return minimum instanceof Number n ? n.intValue() : 0;
  }

  /** Another proposal for the case is running: it waits for the coordinator (or the offer abroad). */
  private boolean pendingProposal(String caseCode) {
    return asPlatform(identity.getObject(), () -> runtime.getObject().createProcessInstanceQuery()
        .processDefinitionKey(CaseExitProcess.KEY).processInstanceBusinessKey(caseCode).count() > 0);
  }

  private static Verdict noPart(String caseCode) {
    return Verdict.refused(ProblemType.FORBIDDEN, null, "Only staff of an agency with an open step on the case, or "
        + "NRS coordinators, propose ending it; you have no open step on case " + caseCode);
  }

  /** The fields a refusal can name, as the REST API and the start form call them. */
  public enum Field {
    CODE("code", "caseCode"), REASON("reason", "exitReason"), CONTACT_ATTEMPTS("contactAttempts", "contactAttempts");

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

  /** The answer: accepted with the proposing agency, or refused with its kind, field (may be null) and message. */
  public record Verdict(String proposingAgency, ExitReason reason, ProblemType refusal, Field field, String message) {

    static Verdict accepted(String agency, ExitReason reason) {
      return new Verdict(agency, reason, null, null, null);
    }

    static Verdict refused(ProblemType type, Field field, String message) {
      return new Verdict(null, null, type, field, message);
    }

    public boolean accepted() {
      return refusal == null;
    }
  }
}
