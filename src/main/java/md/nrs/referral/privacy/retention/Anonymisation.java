package md.nrs.referral.privacy.retention;

import md.nrs.referral.privacy.PrivacyProperties;
import md.nrs.referral.privacy.vault.BlindIndex;
import md.nrs.referral.privacy.vault.PersonEntity;
import md.nrs.referral.privacy.vault.RepresentativeRepository;
import md.nrs.referral.privacy.vault.PersonRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import md.nrs.referral.audit.AuditActions;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the personal data of a case whose process ended (closed, refused, consent withdrawn) more
 * than {@code nrs.privacy.anonymise-after} ago is erased from the vault; the record keeps its case code
 * and dates. Runs on {@code nrs.privacy.anonymise-cron} on every node (idempotent).
 */
@Component
public class Anonymisation {

  private static final Logger LOG = LoggerFactory.getLogger(Anonymisation.class);
  private static final int BATCH = 200;

  private final PersonRepository persons;
  private final RepresentativeRepository representatives;
  private final HistoryService history;
  private final PrivacyProperties properties;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final BlindIndex index;

  public Anonymisation(PersonRepository persons, HistoryService history, PrivacyProperties properties, AuditTrail audit,
      Clock clock, PlatformTransactionManager transactions, BlindIndex index, RepresentativeRepository representatives) {
    this.index = index;
    this.representatives = representatives;
    this.persons = persons;
    this.history = history;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Scheduled(cron = "${nrs.privacy.anonymise-cron:0 30 2 * * *}", zone = "${nrs.time-zone:Europe/Chisinau}")
  public void scheduled() {
    int count = anonymiseEndedBefore(clock.instant().minus(properties.anonymiseAfter()));
    if (count > 0) {
      LOG.info("Retention: personal data of {} ended cases anonymised", count);
    }
  }

  /**
   * The codes among these whose case was reopened (issue 15, item 3): another nrs-case instance of the same code is
   * running or ended after the cutoff, so the person's data is still the case's.
   */
  private Set<String> reopenedSince(Set<String> codes, Instant cutoff) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKeyIn(codes.toArray(String[]::new)).list().stream()
        .filter(instance -> instance.getEndTime() == null || !instance.getEndTime().toInstant().isBefore(cutoff))
        .map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
  }

  /** Anonymises the vault records of cases that ended before {@code cutoff}; returns how many. */
  public int anonymiseEndedBefore(Instant cutoff) {
    int total = 0;
    int first = 0;
    while (true) {
      List<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(NrsCaseProcess.KEY).finished().finishedBefore(Date.from(cutoff))
          .orderByProcessInstanceEndTime().asc().listPage(first, BATCH);
      if (ended.isEmpty()) {
        break;
      }
      Set<String> codes = ended.stream().map(HistoricProcessInstance::getBusinessKey).filter(java.util.Objects::nonNull)
          .collect(Collectors.toCollection(java.util.HashSet::new));
      codes.removeAll(reopenedSince(codes, cutoff));
      List<String> anonymised = transaction.execute(status -> {
        List<PersonEntity> due = persons.findByAnonymisedAtIsNullAndCaseCodeIn(codes);
        Instant now = clock.instant();
        due.forEach(p -> p.anonymise(now));
        persons.saveAll(due);
        List<String> erased = due.stream().map(PersonEntity::caseCode).toList();
        index.forget(erased);
        representatives.deleteByCaseCodeIn(codes); // a child's legal representative goes with the case's person
        return erased;
      });
      for (String code : anonymised) {
        audit.record(new AuditEvent("retention", AuditActions.PERSONAL_DATA_ANONYMISED, code, "person", AuditEvent.OK,
            null, "case ended before " + cutoff));
      }
      total += anonymised == null ? 0 : anonymised.size();
      first += BATCH;
    }
    return total;
  }
}
