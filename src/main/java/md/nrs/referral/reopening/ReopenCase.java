package md.nrs.referral.reopening;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.custody.CaseTransferProcess;
import md.nrs.referral.custody.HandOverCase;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.engine.ProcessVariable;
import md.nrs.referral.privacy.AssistanceConsent;
import md.nrs.referral.privacy.PersonalDataVault;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Reopen the case": a new nrs-case instance with the same case code (business key), linked to the closed one
 * ({@code reopenedFrom}) and counted ({@code reopening}: 1, 2, ...), starting from the referral as the closed case
 * recorded it (no personal data: the start form's codes) — so triage, identification and informed consent run again.
 * Every consent of the closed case is set aside until the person confirms it in the new informed consent; the
 * vault keeps the person, shown again only on that consent. The blind index is asked again for a possible duplicate.
 */
@Component("reopenCase")
public class ReopenCase implements JavaDelegate {

  /** The referral as registered: codes and flags only (the start form has no personal field). */
  private static final List<ProcessVariable<?>> REFERRAL = List.of(NrsCaseProcess.CHANNEL, NrsCaseProcess.LOCATION,
      NrsCaseProcess.COUNTRY, NrsCaseProcess.CATEGORY, NrsCaseProcess.MINOR, NrsCaseProcess.AGE_BAND, NrsCaseProcess.SEX,
      NrsCaseProcess.IMMEDIATE_DANGER, NrsCaseProcess.REFERRAL_SUMMARY);
  static final String PURPOSE = "platform: is the child of a closed case an adult now, for its reopening";

  private final AssistanceConsent consent;
  private final PersonalDataVault vault;
  private final HandOverCase handOver;
  private final TransactionTemplate afterwards;
  private final ZoneId zone;

  public ReopenCase(AssistanceConsent consent, PersonalDataVault vault, HandOverCase handOver,
      PlatformTransactionManager transactions, @Value("${nrs.time-zone:Europe/Chisinau}") ZoneId zone) {
    this.zone = zone;
    this.consent = consent;
    this.vault = vault;
    this.handOver = handOver;
    this.afterwards = new TransactionTemplate(transactions);
    this.afterwards.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = CaseReopeningProcess.CASE_CODE.get(execution);
    String closed = CaseReopeningProcess.REOPENED_FROM.get(execution);
    String reopenedBy = CaseReopeningProcess.REOPENED_BY.get(execution);
    var engine = execution.getProcessEngineServices();
    String newCase = asPlatform(engine, () -> {
      Map<String, Object> start = new HashMap<>();
      List<HistoricVariableInstance> recorded = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(closed).list();
      for (ProcessVariable<?> variable : REFERRAL) {
        recorded.stream().filter(v -> v.getName().equals(variable.name()) && closed.equals(v.getExecutionId())).findFirst()
            .or(() -> recorded.stream().filter(v -> v.getName().equals(variable.name())).findFirst())
            .ifPresent(v -> start.put(variable.name(), v.getValue()));
      }
      String location = CaseReopeningProcess.LOCATION.get(execution);
      if (location != null && !location.isBlank()) {
        start.put(NrsCaseProcess.LOCATION.name(), location);
      }
      if (Boolean.TRUE.equals(start.get(NrsCaseProcess.MINOR.name())) && nowAnAdult(caseCode)) {
        start.put(NrsCaseProcess.MINOR.name(), false);
        start.put(NrsCaseProcess.AGE_BAND.name(), "18+");
      }
      Object previous = recorded.stream().filter(v -> v.getName().equals(CaseReopeningProcess.REOPENING.name()))
          .findFirst().map(HistoricVariableInstance::getValue).orElse(0);
      int reopening = (previous instanceof Number n ? n.intValue() : 0) + 1;
      start.put(CaseReopeningProcess.REOPENING.name(), reopening);
      start.put(CaseReopeningProcess.REOPENED_FROM.name(), closed);
      CaseReopeningProcess.REOPENING.set(execution, reopening);
      return PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
          .createProcessInstanceByKey(NrsCaseProcess.KEY).businessKey(caseCode).setVariables(start).execute().getId());
    });
    CaseReopeningProcess.REOPENED_CASE.set(execution, newCase);
    backToTheTeamThatHadIt(execution, caseCode, closed, newCase);
    consent.setAsideUntilConfirmedAgain(caseCode, reopenedBy, null);
    vault.checkForDuplicatesAgain(caseCode);
  }

  /**
   * A child when the case was referred may be an adult when it is reopened: then the child's safeguards (guardian,
   * best-interests determination, monitoring until 18) no longer apply. Known from the date of birth in the vault
   * (only the derived 18th birthday leaves it); without one the case reopens as the child it was referred as, and
   * the identification and age assessment say again.
   */
  private boolean nowAnAdult(String caseCode) {
    LocalDate today = PlatformClock.now().atZone(zone).toLocalDate();
    return vault.eighteenthBirthday(caseCode, PURPOSE).filter(birthday -> !birthday.isAfter(today)).isPresent();
  }

  /**
   * Triage gives the reopened case the team the referral's place calls for; where the person has not moved and the
   * case had been transferred, it goes back to the team that had it at its end (the chain of custody stands).
   */
  private void backToTheTeamThatHadIt(DelegateExecution execution, String caseCode, String closed, String newCase) {
    String location = CaseReopeningProcess.LOCATION.get(execution);
    if (location != null && !location.isBlank()) {
      return;
    }
    var engine = execution.getProcessEngineServices();
    String hadIt = asPlatform(engine, () -> engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(closed).variableName(NrsCaseProcess.RESPONSIBLE_TEAM.name()).list().stream().findFirst()
        .map(v -> (String) v.getValue()).orElse(null));
    String triaged = asPlatform(engine, () -> (String) engine.getRuntimeService().getVariable(newCase,
        NrsCaseProcess.RESPONSIBLE_TEAM.name()));
    if (hadIt == null || triaged == null || hadIt.equals(triaged)) {
      return;
    }
    // The reopened case's first step exists only once this transaction is written: hand it over right after.
    Runnable giveBack = () -> afterwards.executeWithoutResult(status ->
        handOver.handOver(engine, newCase, caseCode, CaseTransferProcess.SCOPE_CASE, triaged, hadIt));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          giveBack.run();
        }
      });
    } else {
      giveBack.run();
    }
  }
}
