package md.nrs.referral.reopening;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.privacy.PrivacyProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a case may be reopened, one rule for both ways in (the REST API and Tasklist's start form, whose first
 * service task asks again inside the engine): a known reason; a case whose latest nrs-case instance has ended; a
 * requester of the team that had it last (its responsible team at the end) or an NRS coordinator; within the
 * retention period and not anonymised — after that the person's data is gone and the person is referred anew. A
 * caller with no part in the case is refused the same way whether or not the code exists.
 */
@Component
public class ReopeningRequests {

  static final String COORDINATORS = NrsRole.NRS_COORDINATORS.groupId();
  private static final List<String> LOCATIONS = List.of("moldova", "transnistria", "abroad");

  private final ObjectProvider<HistoryService> history;
  private final ObjectProvider<IdentityService> identity;
  private final PersonalDataVault vault;
  private final PrivacyProperties privacy;
  private final Clock clock;

  public ReopeningRequests(ObjectProvider<HistoryService> history, ObjectProvider<IdentityService> identity,
      PersonalDataVault vault, PrivacyProperties privacy, Clock clock) {
    this.history = history;
    this.identity = identity;
    this.vault = vault;
    this.privacy = privacy;
    this.clock = clock;
  }

  /** Accepted (with the closed instance) or refused (status, field and message). */
  public Verdict check(String caseCode, String reason, String location, List<String> groups) {
    if (caseCode == null || caseCode.length() > 32 || !CaseCodes.FORMAT.matcher(caseCode).matches()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "must be a case code like NRS-2026-000123");
    }
    if (ReopeningReason.of(reason).isEmpty()) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.REASON, reason == null || reason.isBlank()
          ? "give the reason for reopening the case" : "must be one of " + String.join(", ", ReopeningReason.WIRE_NAMES));
    }
    if (location != null && !location.isBlank() && !LOCATIONS.contains(location)) {
      return Verdict.refused(ProblemType.INVALID_REQUEST, Field.LOCATION, "must be one of " + String.join(", ", LOCATIONS));
    }
    boolean coordinator = groups.contains(COORDINATORS);
    Optional<HistoricProcessInstance> latest = latestCase(caseCode);
    if (latest.isEmpty()) {
      return coordinator ? Verdict.refused(ProblemType.INVALID_REQUEST, Field.CODE, "there is no case " + caseCode)
          : noPart(caseCode);
    }
    HistoricProcessInstance last = latest.get();
    Optional<String> hadIt = responsibleTeam(last);
    if (!coordinator && hadIt.filter(groups::contains).isEmpty()) {
      return noPart(caseCode);
    }
    if (last.getEndTime() == null) {
      return Verdict.refused(ProblemType.CONFLICT, Field.CODE, "case " + caseCode
          + " is not closed: only a closed case can be reopened");
    }
    if (vault.anonymised(caseCode)) {
      return Verdict.refused(ProblemType.CONFLICT, Field.CODE, "case " + caseCode + " was anonymised after its "
          + "retention period and cannot be reopened: the person's data is gone; refer the person as a new case");
    }
    Instant retainedUntil = last.getEndTime().toInstant().plus(privacy.anonymiseAfter());
    if (!clock.instant().isBefore(retainedUntil)) {
      return Verdict.refused(ProblemType.CONFLICT, Field.CODE, "case " + caseCode + " ended more than the retention "
          + "period ago and cannot be reopened; refer the person as a new case");
    }
    return Verdict.accepted(last, hadIt.orElse(COORDINATORS), ReopeningReason.of(reason).get());
  }

  /** The latest nrs-case instance of the code, running or ended. */
  Optional<HistoricProcessInstance> latestCase(String caseCode) {
    return asPlatform(identity.getObject(), () -> history.getObject().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).orderByProcessInstanceStartTime()
        .desc().listPage(0, 1).stream().findFirst());
  }

  private Optional<String> responsibleTeam(HistoricProcessInstance instance) {
    return asPlatform(identity.getObject(), () -> history.getObject().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(NrsCaseProcess.RESPONSIBLE_TEAM.name()).list().stream()
        .findFirst().map(variable -> (String) variable.getValue()));
  }

  private static Verdict noPart(String caseCode) {
    return Verdict.refused(ProblemType.FORBIDDEN, null, "Only the team that had a case, or NRS coordinators, reopen "
        + "it; you have no part in case " + caseCode);
  }

  /** The fields a refusal can name, as the REST API and the start form call them. */
  public enum Field {
    CODE("code", "caseCode"), REASON("reason", "reopeningReason"), LOCATION("location", "location");

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

  /** The answer: accepted with the closed instance and the team that had it, or refused. */
  public record Verdict(HistoricProcessInstance closed, String team, ReopeningReason reason, ProblemType refusal,
      Field field, String message) {

    static Verdict accepted(HistoricProcessInstance closed, String team, ReopeningReason reason) {
      return new Verdict(closed, team, reason, null, null, null);
    }

    static Verdict refused(ProblemType type, Field field, String message) {
      return new Verdict(null, null, null, type, field, message);
    }

    public boolean accepted() {
      return refusal == null;
    }
  }
}
