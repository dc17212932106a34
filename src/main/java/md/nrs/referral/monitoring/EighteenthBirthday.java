package md.nrs.referral.monitoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Map;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.privacy.PersonalDataVault;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The date of monitoring's "18th birthday" timer, computed each time the timer is about to be created (a take listener
 * on the flow into it) and handed to it as a transient value ({@link MonitoringProcess#EIGHTEENTH_BIRTHDAY_AT}: never
 * stored in the runtime or history tables, never logged): from the date of birth in the vault when one is recorded;
 * otherwise from the age band at referral, counting from the youngest age of the band on the day the case was
 * registered (the latest possible 18th birthday: a child is never handed over early). The timer is created again for
 * every follow-up, so a date of birth recorded later takes over at the next one.
 */
@Component("eighteenthBirthday")
public class EighteenthBirthday implements ExecutionListener {

  /** Youngest age of each child band of the referral; "unknown" (a presumed child) counts as the youngest, 0. */
  static final Map<String, Integer> YOUNGEST_AGE_OF_BAND = Map.of("0-2", 0, "3-6", 3, "7-17", 7);
  static final String PURPOSE = "platform: date of the 18th-birthday hand-over timer of monitoring";

  private final PersonalDataVault vault;
  private final ZoneId zone;

  public EighteenthBirthday(PersonalDataVault vault, @Value("${nrs.time-zone:Europe/Chisinau}") ZoneId zone) {
    this.vault = vault;
    this.zone = zone;
  }

  @Override
  public void notify(DelegateExecution execution) {
    MonitoringProcess.EIGHTEENTH_BIRTHDAY_AT.setTransient(execution, of(execution));
  }

  /** The start of the day the child of this monitoring turns 18, in the platform's zone. */
  Instant of(DelegateExecution execution) {
    String caseCode = MonitoringProcess.CASE_CODE.get(execution);
    LocalDate birthday = vault.eighteenthBirthday(caseCode, PURPOSE).orElseGet(() -> fromAgeBand(execution));
    return birthday.atStartOfDay(zone).toInstant();
  }

  private LocalDate fromAgeBand(DelegateExecution execution) {
    DelegateExecution root = rootCase(execution);
    Object band = root.getVariable(MonitoringProcess.AGE_BAND.name());
    int youngest = YOUNGEST_AGE_OF_BAND.getOrDefault(band, 0);
    HistoricProcessInstance registered = execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(root.getProcessInstanceId()).singleResult();
    // not yet in the history tables: the case (monitoring started on its own) is being started now
    Instant registeredAt = registered == null ? PlatformClock.now() : registered.getStartTime().toInstant();
    return registeredAt.atZone(zone).toLocalDate().plusYears(18L - youngest);
  }

  /** The case this monitoring belongs to: the root of the call chain (monitoring itself when started alone). */
  private static DelegateExecution rootCase(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }
}
