package md.nrs.referral.persons;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.privacy.PossibleDuplicates;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the vault finds the person just recorded under the same blind-index digest as other cases, asks
 * the NRS coordinators once per other person: one {@code possible-duplicate} process per new pair, in the
 * recording's transaction (at intake and at consent alike). Not asked: a case already linked with this
 * one, a pair already asked or answered ("not the same" is remembered), a second case of a person already
 * asked about now, a case still waiting for its own answer about a case asked about now.
 */
@Component
public class FlagPossibleDuplicates {

  private final PersonLinks links;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<IdentityService> identity;
  private final AuditTrail audit;

  public FlagPossibleDuplicates(PersonLinks links, ObjectProvider<RuntimeService> runtime,
      ObjectProvider<IdentityService> identity, AuditTrail audit) {
    this.links = links;
    this.runtime = runtime;
    this.identity = identity;
    this.audit = audit;
  }

  @EventListener
  public void on(PossibleDuplicates found) {
    String caseCode = found.caseCode();
    Map<String, Set<String>> matches = new TreeMap<>(found.matches()); // the earliest case first
    Map<String, String> persons = links.personKeys(matches.keySet());
    String own = links.personKeys(List.of(caseCode)).get(caseCode);
    Set<String> askedAbout = new HashSet<>();
    Set<String> askedNow = new HashSet<>();
    for (Map.Entry<String, Set<String>> match : matches.entrySet()) {
      String other = match.getKey();
      String person = persons.get(other);
      if (person.equals(own) || !askedAbout.add(person) || alreadyAsked(caseCode, other)
          || pendingWithOneAskedNow(other, askedNow)) {
        continue;
      }
      String matchedOn = String.join(",", new java.util.TreeSet<>(match.getValue()));
      if (links.flag(caseCode, other, matchedOn)) {
        askedNow.add(other);
        start(caseCode, other, matchedOn);
        audit.recordAfterCommit(new AuditEvent("platform", AuditActions.DUPLICATE_FLAGGED, caseCode, "possible duplicate of "
            + other, AuditEvent.OK, null, "matched on " + matchedOn));
      }
    }
  }

  /**
   * Whether the other case is itself still an open question with a case asked about just now: one question
   * per open cluster (five records of one person give four questions, not ten).
   */
  private boolean pendingWithOneAskedNow(String other, Set<String> askedNow) {
    return askedNow.stream().anyMatch(asked -> links.pair(other, asked).map(p -> PersonLinks.OPEN.equals(p.status()))
        .orElse(false));
  }

  /** Whether any case of the other person was already put side by side with this case. */
  private boolean alreadyAsked(String caseCode, String other) {
    return links.casesOfSamePerson(other).stream().anyMatch(c -> links.pair(caseCode, c).isPresent());
  }

  private void start(String caseCode, String other, String matchedOn) {
    Map<String, Object> variables = Map.of(PossibleDuplicateProcess.CASE_CODE.name(), caseCode,
        PossibleDuplicateProcess.DUPLICATE_OF.name(), other, PossibleDuplicateProcess.MATCHED_ON.name(), matchedOn);
    // as the platform: the referring caseworker may not start coordinators' processes, and the key is ours
    asPlatform(identity.getObject(), () -> PlatformStarts.withBusinessKey(caseCode,
        () -> runtime.getObject().startProcessInstanceByKey(PossibleDuplicateProcess.KEY, caseCode, variables)));
  }
}
