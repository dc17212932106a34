package md.nrs.referral.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.privacy.PrivacyProperties;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reporters' notes follow the vault's retention: once a case has ended longer ago than
 * {@code nrs.privacy.anonymise-after}, its notes are erased (kind, day and reporter stay, for the record),
 * on the same schedule as the vault's anonymisation. Idempotent, so every node may run it.
 */
@Component
public class IncidentNoteRetention {

  private static final int BATCH = 200;

  private final HistoryService history;
  private final JdbcTemplate jdbc;
  private final PrivacyProperties properties;
  private final Clock clock;

  public IncidentNoteRetention(HistoryService history, JdbcTemplate jdbc, PrivacyProperties properties, Clock clock) {
    this.history = history;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "${nrs.privacy.anonymise-cron:0 30 2 * * *}", zone = "${nrs.time-zone:Europe/Chisinau}")
  public void scheduled() {
    eraseNotesOfCasesEndedBefore(clock.instant().minus(properties.anonymiseAfter()));
  }

  /** Erases the notes of cases that ended before {@code cutoff}; returns how many notes. */
  public int eraseNotesOfCasesEndedBefore(Instant cutoff) {
    int erased = 0;
    for (int first = 0; ; first += BATCH) {
      List<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(NrsCaseProcess.KEY).finished().finishedBefore(Date.from(cutoff))
          .orderByProcessInstanceEndTime().asc().listPage(first, BATCH);
      if (ended.isEmpty()) {
        return erased;
      }
      for (String code : ended.stream().map(HistoricProcessInstance::getBusinessKey).filter(Objects::nonNull).toList()) {
        erased += jdbc.update("update nrs_case_incident set note_sealed = null, note_key_id = null "
            + "where case_code = ? and note_sealed is not null", code);
      }
    }
  }
}
