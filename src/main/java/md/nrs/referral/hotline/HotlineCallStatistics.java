package md.nrs.referral.hotline;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Counts hotline calls per operator organisation and call type, from the engine's history (running and
 * ended calls alike), by the day the call was recorded in Chisinau. Only counts leave here: no case
 * code, no summary.
 */
@Component
public class HotlineCallStatistics {

  private static final int CHUNK = 500;

  private final ProcessEngine engine;
  private final ZoneId zone;

  public HotlineCallStatistics(ProcessEngine engine, Clock clock) {
    this.engine = engine;
    this.zone = clock.getZone();
  }

  /** Calls recorded from the start of {@code from} to the end of {@code to} (both inclusive). */
  public Summary summary(LocalDate from, LocalDate to) {
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
    // The statistics are platform reporting, allowed by role in the controller; the engine's per-instance
    // history rights (managers only) do not apply to counts.
    return asPlatform(engine, () -> count(from, to, start, end));
  }

  private Summary count(LocalDate from, LocalDate to, Date start, Date end) {
    HistoryService history = engine.getHistoryService();
    List<String> calls = history.createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY)
        .startedAfter(start).startedBefore(end).list().stream().map(HistoricProcessInstance::getId).toList();
    Map<String, Map<String, String>> facts = new HashMap<>();
    for (int i = 0; i < calls.size(); i += CHUNK) {
      List<String> chunk = calls.subList(i, Math.min(calls.size(), i + CHUNK));
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new))
          .variableNameIn(HotlineCallProcess.OPERATOR_AGENCY.name(), HotlineCallProcess.CALL_TYPE.name()).list()) {
        if (variable.getValue() instanceof String value) {
          facts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), value);
        }
      }
    }
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (String agency : HotlineCallProcess.OPERATOR_AGENCIES) {
      Map<String, Long> byType = new LinkedHashMap<>();
      HotlineCallProcess.CALL_TYPES.forEach(type -> byType.put(type, 0L));
      counts.put(agency, byType);
    }
    long total = 0;
    for (String call : calls) {
      Map<String, String> known = facts.getOrDefault(call, Map.of());
      String agency = known.get(HotlineCallProcess.OPERATOR_AGENCY.name());
      String type = known.get(HotlineCallProcess.CALL_TYPE.name());
      if (agency == null || type == null) {
        continue; // a call whose classification failed and was rolled back leaves no history; nothing else lacks these
      }
      counts.computeIfAbsent(agency, a -> new LinkedHashMap<>()).merge(type, 1L, Long::sum);
      total++;
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((agency, byType) -> byType.forEach((type, n) -> rows.add(new Row(agency, type, n))));
    return new Summary(from, to, total, counts, rows);
  }

  /** Counts by operator agency, then by call type; the same as rows for a table or a spreadsheet. */
  public record Summary(LocalDate from, LocalDate to, long total, Map<String, Map<String, Long>> byOperatorAgency,
      List<Row> rows) {
  }

  public record Row(String operatorAgency, String callType, long calls) {
  }
}
