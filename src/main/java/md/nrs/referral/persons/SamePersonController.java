package md.nrs.referral.persons;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NRS coordinators' view and decision on "the same person" (case codes only, never personal data):
 * {@code GET /api/cases/{code}/same-person} lists the cases linked with it and the possible duplicates
 * asked about; {@code POST} decides a pair. A pair with an open "possible duplicate" task is decided by
 * completing that task (so the process history shows it); any other pair is decided directly.
 */
@RestController
public class SamePersonController {

  private static final String COORDINATORS_ONLY = "Only NRS coordinators decide whether two cases are the same person";

  private final PersonLinks links;
  private final ProcessEngine engine;
  private final AuditTrail audit;

  public SamePersonController(PersonLinks links, ProcessEngine engine, AuditTrail audit) {
    this.links = links;
    this.engine = engine;
    this.audit = audit;
  }

  /** The body of a decision. */
  public record Decision(String otherCaseCode, String decision, String note) {
  }

  /** What is known of a case's person: the cases linked as one person and the pairs asked about. */
  public record SamePerson(String caseCode, String personId, List<String> linkedCases, List<PersonLinks.Pair> possibleDuplicates) {
  }

  @GetMapping("/api/cases/{code}/same-person")
  public SamePerson show(@PathVariable String code) {
    Caller.current(engine.getIdentityService()).require(COORDINATORS_ONLY, NrsRole.NRS_COORDINATORS.groupId());
    requireCase(code, "code");
    return view(code);
  }

  @PostMapping("/api/cases/{code}/same-person")
  @Transactional
  public SamePerson decide(@PathVariable String code, @RequestBody(required = false) Decision body) {
    Caller caller = Caller.current(engine.getIdentityService()).require(COORDINATORS_ONLY,
        NrsRole.NRS_COORDINATORS.groupId());
    List<FieldError> errors = new ArrayList<>();
    String other = body == null ? null : body.otherCaseCode();
    String decision = body == null ? null : body.decision();
    if (other == null || other.isBlank()) {
      errors.add(new FieldError("otherCaseCode", "is required: the case code of the other case"));
    } else if (!CaseCodes.FORMAT.matcher(other).matches()) {
      errors.add(new FieldError("otherCaseCode", "is not a case code (NRS-yyyy-n)"));
    } else if (other.equals(code)) {
      errors.add(new FieldError("otherCaseCode", "is the same case: a case cannot be linked with itself"));
    }
    if (!PossibleDuplicateProcess.SAME_PERSON.equals(decision) && !PossibleDuplicateProcess.NOT_SAME.equals(decision)) {
      errors.add(new FieldError("decision", "must be 'same-person' or 'not-same'"));
    }
    if (body != null && body.note() != null && body.note().length() > 2000) {
      errors.add(new FieldError("note", "must be at most 2000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem.Invalid("The decision cannot be recorded", errors);
    }
    requireCase(code, "code");
    requireCase(other, "otherCaseCode");
    if (PossibleDuplicateProcess.NOT_SAME.equals(decision) && links.samePerson(code, other)) {
      throw new ApiProblem.Conflict(code + " and " + other + " are already linked as the same person");
    }
    Task open = openTask(code, other);
    if (open != null) {
      // as the coordinator: the engine checks the task is theirs to complete
      engine.getTaskService().complete(open.getId(), decisionVariables(decision, body.note()));
    } else {
      links.decide(code, other, decision, caller.userId());
      audit.recordAfterCommit(new AuditEvent(caller.userId(), AuditActions.DUPLICATE_DECIDED, code,
          "possible duplicate of " + other, AuditEvent.OK, caller.clientAddress(), decision));
    }
    return view(code);
  }

  private static Map<String, Object> decisionVariables(String decision, String note) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(PossibleDuplicateProcess.DECISION.name(), decision);
    if (note != null && !note.isBlank()) {
      variables.put(PossibleDuplicateProcess.DECISION_NOTE.name(), note);
    }
    return variables;
  }

  /** The open "possible duplicate" task about these two cases, whichever of them raised it. */
  private Task openTask(String code, String other) {
    return asPlatform(engine.getIdentityService(), () -> openTaskRaisedBy(code, other) != null
        ? openTaskRaisedBy(code, other) : openTaskRaisedBy(other, code));
  }

  private Task openTaskRaisedBy(String caseCode, String other) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .taskDefinitionKey(PossibleDuplicateProcess.Elements.DECIDE)
        .processVariableValueEquals(PossibleDuplicateProcess.CASE_CODE.name(), caseCode)
        .processVariableValueEquals(PossibleDuplicateProcess.DUPLICATE_OF.name(), other)
        .list().stream().findFirst().orElse(null);
  }

  private void requireCase(String code, String field) {
    long known = asPlatform(engine.getIdentityService(), () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(code).count());
    if (known == 0) {
      throw new ApiProblem.NotFound("No case has this code (" + field + ")"); // never echo what was sent
    }
  }

  private SamePerson view(String code) {
    return new SamePerson(code, links.personOf(code).orElse(null), links.casesOfSamePerson(code), links.pairsOf(code));
  }
}
