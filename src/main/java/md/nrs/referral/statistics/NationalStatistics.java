package md.nrs.referral.statistics;

import static md.nrs.referral.engine.Platform.asPlatform;
import static md.nrs.referral.statistics.StatisticsSources.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.foreignvictims.ForeignVictimProcess;
import md.nrs.referral.justice.CriminalJusticeProcess;
import md.nrs.referral.persons.PersonLinks;
import md.nrs.referral.repatriation.RepatriationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * The national statistics for a period, from the engine's history only (aggregated; no case code or
 * person leaves this class):
 * <ul>
 *   <li>referrals: {@code nrs-case} instances started in the period (cases); referred persons: the same with the
 *       cases a coordinator linked as one person counted once ({@code persons/}), and every "persons" table
 *       below counts a person once (the first of their cases);</li>
 *   <li>referred: {@code nrs-case} instances started in the period, by sex, age band, region, internal or
 *       cross-border, destination country;</li>
 *   <li>identified: of those, the ones whose identification interview recorded an identified or presumed
 *       victim, by sex, age band and form of exploitation (a person may count under several forms);</li>
 *   <li>assisted: distinct cases with an {@code assistance-service} delivered (fully or partly) that
 *       ended in the period, by sex; services delivered by type;</li>
 *   <li>repatriated: {@code repatriation} instances that ended in the period with the person returned;</li>
 *   <li>justice (with consent): persons whose {@code criminal-justice} path started in the period, by what
 *       followed — referred to the police, criminal case opened, supported in the proceedings, compensation claimed,
 *       compensation awarded (paid) — each person once whatever their linked cases;</li>
 *   <li>foreign victims: persons whose {@code foreign-victim} path started in the period (identified as foreign
 *       nationals), returned to their country of origin, integrating in Moldova;</li>
 *   <li>hotline calls started in the period by type and operator agency; domestic-violence pilot
 *       enrolments (started in the period) and completions (ended in the period) by participant kind.</li>
 * </ul>
 * Longer than most classes (about 270 lines) because it is the one place where the report's tables are defined
 * side by side, so a reader checks the national report's definitions against one file.
 */
@Service
public class NationalStatistics {

  private static final int PAGE = 500;

  /** The justice pillar's lines, in the order a case reaches them. */
  static final String[] JUSTICE_STAGES = {"referred-to-police", "criminal-case-opened", "supported-in-proceedings",
      "compensation-claimed", "compensation-awarded"};

  /** The foreign-victim lines: identified as a foreign national, then returned home or integrating in Moldova. */
  static final String[] FOREIGN_VICTIM_STAGES = {"identified", "returned", "integrating"};

  /** Where {@link #variablesOf} puts an instance's business key (the case code), beside its variables. */
  private static final String BUSINESS_KEY = "@businessKey";

  private final HistoryService history;
  private final IdentityService identity;
  private final PersonLinks persons;

  public NationalStatistics(ProcessEngine engine, PersonLinks persons) {
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.persons = persons;
  }

  public StatisticsReport compute(Period period) {
    // Counts over every case, whatever the caller may read case by case: the caller's right to the
    // aggregate is checked by role before; the engine's per-instance read rights do not apply here.
    return asPlatform(identity, () -> collect(period));
  }

  private StatisticsReport collect(Period period) {
    List<String> sexes = List.of(AssistanceServiceProcess.SEXES);
    StatisticsTable referredBySex = new StatisticsTable("referred-by-sex", "Referred persons by sex",
        StatisticsTable.PERSONS, true, sexes);
    StatisticsTable referredByAge = new StatisticsTable("referred-by-age-band", "Referred persons by age band",
        StatisticsTable.PERSONS, true, List.of(AGE_BANDS));
    StatisticsTable referredByRegion = new StatisticsTable("referred-by-region",
        "Referred persons by where they were (region)", StatisticsTable.PERSONS, true, List.of(AssistanceServiceProcess.REGIONS));
    StatisticsTable referredByBorder = new StatisticsTable("referred-internal-or-cross-border",
        "Referred persons: internal or cross-border", StatisticsTable.PERSONS, true, List.of("internal", "cross-border"));
    StatisticsTable destination = new StatisticsTable("referred-by-destination-country",
        "Referred persons abroad by destination country", StatisticsTable.PERSONS, true, List.of());
    StatisticsTable identifiedBySex = new StatisticsTable("identified-by-sex", "Identified persons by sex",
        StatisticsTable.PERSONS, true, sexes);
    StatisticsTable identifiedByAge = new StatisticsTable("identified-by-age-band", "Identified persons by age band", StatisticsTable.PERSONS,
        true, List.of(AGE_BANDS));
    StatisticsTable exploitation = new StatisticsTable("identified-by-form-of-exploitation",
        "Identified persons by form of exploitation (a person may count under several)", StatisticsTable.PERSONS, false,
        List.of(FORMS_OF_EXPLOITATION));

    StatisticsTable referrals = new StatisticsTable("referrals", "Referrals: cases opened (a person referred twice "
        + "counts twice)", StatisticsTable.CASES, true, List.of(StatisticsTable.CASES));
    StatisticsTable referredPersons = new StatisticsTable("referred-persons", "Referred persons (cases a coordinator "
        + "linked as the same person count once)", StatisticsTable.PERSONS, true, List.of(StatisticsTable.PERSONS));
    List<Map<String, Object>> cases = variablesOf(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).startedAfter(Date.from(period.from()))
        .startedBefore(Date.from(period.to().minusMillis(1))),
        NrsCaseProcess.SEX, NrsCaseProcess.AGE_BAND, NrsCaseProcess.LOCATION, NrsCaseProcess.COUNTRY,
        NrsCaseProcess.VICTIM_STATUS, NrsCaseProcess.FORMS_OF_EXPLOITATION);
    List<String> personOfCase = personKeys(cases);
    Set<String> referredSeen = new HashSet<>();
    Set<String> identifiedSeen = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> referral = cases.get(i);
      referrals.count(StatisticsTable.CASES);
      // every referred-by and identified-by table counts a person once: the first of their linked cases
      String person = personOfCase.get(i);
      if (referredSeen.add(person)) {
        referredPersons.count(StatisticsTable.PERSONS);
        String location = text(referral, NrsCaseProcess.LOCATION.name());
        referredBySex.count(text(referral, NrsCaseProcess.SEX.name()));
        referredByAge.count(text(referral, NrsCaseProcess.AGE_BAND.name()));
        referredByRegion.count(location);
        boolean abroad = "abroad".equals(location);
        referredByBorder.count(abroad ? "cross-border" : "internal");
        if (abroad) {
          destination.count(country(text(referral, NrsCaseProcess.COUNTRY.name())));
        }
      }
      if (in(IDENTIFIED, text(referral, NrsCaseProcess.VICTIM_STATUS.name())) && identifiedSeen.add(person)) {
        countIdentified(referral, identifiedBySex, identifiedByAge, exploitation);
      }
    }

    StatisticsTable assistedBySex = new StatisticsTable("assisted-by-sex", "Assisted persons by sex",
        StatisticsTable.PERSONS, true, sexes);
    StatisticsTable services = new StatisticsTable("services-delivered-by-type", "Services delivered by type",
        StatisticsTable.SERVICES, true,
        List.of(AssistanceServiceProcess.SERVICE_TYPES));
    Set<String> assistedCases = new HashSet<>();
    List<Map<String, Object>> serviceInstances = variablesOf(ended(AssistanceServiceProcess.KEY, period),
        AssistanceServiceProcess.SERVICE_TYPE, AssistanceServiceProcess.SERVICE_OUTCOME, AssistanceServiceProcess.SEX,
        AssistanceServiceProcess.CASE_CODE);
    Map<String, String> personOfService = persons.personKeys(serviceInstances.stream()
        .map(service -> text(service, AssistanceServiceProcess.CASE_CODE.name())).filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.toSet()));
    for (Map<String, Object> service : serviceInstances) {
      if (!in(DELIVERED, text(service, AssistanceServiceProcess.SERVICE_OUTCOME.name()))) {
        continue;
      }
      services.count(text(service, AssistanceServiceProcess.SERVICE_TYPE.name()));
      String caseCode = text(service, AssistanceServiceProcess.CASE_CODE.name());
      if (caseCode == null || assistedCases.add(personOfService.get(caseCode))) {
        assistedBySex.count(text(service, AssistanceServiceProcess.SEX.name()));
      }
    }

    StatisticsTable repatriated = new StatisticsTable("repatriated", "Repatriated persons (returned)", StatisticsTable.PERSONS, true,
        List.of(RepatriationProcess.OUTCOME_RETURNED));
    for (Map<String, Object> repatriation : variablesOf(ended(RepatriationProcess.KEY, period),
        RepatriationProcess.REPATRIATION_OUTCOME)) {
      if (RepatriationProcess.OUTCOME_RETURNED.equals(text(repatriation, RepatriationProcess.REPATRIATION_OUTCOME.name()))) {
        repatriated.count(RepatriationProcess.OUTCOME_RETURNED);
      }
    }

    StatisticsTable justice = justice(period);
    StatisticsTable foreign = foreignVictims(period);

    StatisticsTable callsByType = new StatisticsTable("hotline-calls-by-type", "Hotline calls by type", StatisticsTable.CALLS, true,
        List.of(CALL_TYPES));
    // the lines in a fixed order (and a line with no calls shown as 0), not in the order history returns rows
    StatisticsTable callsByAgency = new StatisticsTable("hotline-calls-by-operator-agency",
        "Hotline calls by operator agency", StatisticsTable.CALLS, true, md.nrs.referral.hotline.HotlineCallProcess.OPERATOR_AGENCIES);
    for (Map<String, Object> call : variablesOf(started(HOTLINE_CALL, period), CALL_TYPE, OPERATOR_AGENCY)) {
      callsByType.count(text(call, CALL_TYPE));
      callsByAgency.count(text(call, OPERATOR_AGENCY));
    }

    StatisticsTable enrolments = new StatisticsTable("dv-pilot-enrolments", "Domestic-violence pilot: enrolments", StatisticsTable.PARTICIPANTS,
        true, List.of(PARTICIPANT_KINDS));
    for (Map<String, Object> participant : variablesOf(started(DV_GROUP_COUNSELLING, period), PARTICIPANT_KIND)) {
      enrolments.count(text(participant, PARTICIPANT_KIND));
    }
    StatisticsTable completions = new StatisticsTable("dv-pilot-completions", "Domestic-violence pilot: completions", StatisticsTable.PARTICIPANTS,
        true, List.of(PARTICIPANT_KINDS));
    for (Map<String, Object> participant : variablesOf(ended(DV_GROUP_COUNSELLING, period), PARTICIPANT_KIND,
        COUNSELLING_OUTCOME)) {
      if (COMPLETED.equals(text(participant, COUNSELLING_OUTCOME))) {
        completions.count(text(participant, PARTICIPANT_KIND));
      }
    }

    return new StatisticsReport(period, List.of(referrals, referredPersons, referredBySex, referredByAge, referredByRegion, referredByBorder,
        destination, identifiedBySex, identifiedByAge, exploitation, assistedBySex, services, repatriated, justice, foreign, callsByType,
        callsByAgency, enrolments, completions));
  }

  /** The justice pillar: one line per stage a person reached, each person counted once per line. */
  private StatisticsTable justice(Period period) {
    // not a partition: a person convicted's case was also referred and opened, so the total is the persons on the path
    StatisticsTable justice = new StatisticsTable("justice", "Criminal justice and compensation (with consent): persons "
        + "by the stages they reached", StatisticsTable.PERSONS, false, List.of(JUSTICE_STAGES));
    List<Map<String, Object>> paths = variablesOf(started(CriminalJusticeProcess.KEY, period),
        CriminalJusticeProcess.REFERRED_TO_POLICE, CriminalJusticeProcess.CRIMINAL_CASE_OPENED,
        CriminalJusticeProcess.PROCEEDINGS_NEXT, CriminalJusticeProcess.COMPENSATION_CLAIMED,
        CriminalJusticeProcess.COMPENSATION_STATUS);
    return countPersonsByStage(justice, paths, path -> {
      String claimed = text(path, CriminalJusticeProcess.COMPENSATION_CLAIMED.name());
      List<String> reached = new ArrayList<>();
      if ("true".equals(text(path, CriminalJusticeProcess.REFERRED_TO_POLICE.name()))) {
        reached.add(JUSTICE_STAGES[0]);
      }
      if ("true".equals(text(path, CriminalJusticeProcess.CRIMINAL_CASE_OPENED.name()))) {
        reached.add(JUSTICE_STAGES[1]);
      }
      if (text(path, CriminalJusticeProcess.PROCEEDINGS_NEXT.name()) != null) { // a support round was recorded
        reached.add(JUSTICE_STAGES[2]);
      }
      if (claimed != null && !"none".equals(claimed)) {
        reached.add(JUSTICE_STAGES[3]);
      }
      if ("paid".equals(text(path, CriminalJusticeProcess.COMPENSATION_STATUS.name()))) {
        reached.add(JUSTICE_STAGES[4]);
      }
      return reached;
    });
  }

  /**
   * Foreign victims in Moldova: persons whose foreign-victim path started in the period (identified as a foreign
   * national), and of them the ones returned to their country of origin and the ones integrating in Moldova so far.
   */
  private StatisticsTable foreignVictims(Period period) {
    StatisticsTable foreign = new StatisticsTable("foreign-victims", "Foreign victims identified in Moldova: persons by "
        + "the stages they reached", StatisticsTable.PERSONS, false, List.of(FOREIGN_VICTIM_STAGES));
    List<Map<String, Object>> paths = variablesOf(started(ForeignVictimProcess.KEY, period), ForeignVictimProcess.OUTCOME);
    return countPersonsByStage(foreign, paths, path -> {
      String outcome = text(path, ForeignVictimProcess.OUTCOME.name());
      List<String> reached = new ArrayList<>(List.of(FOREIGN_VICTIM_STAGES[0]));
      if (ForeignVictimProcess.OUTCOME_RETURNED.equals(outcome)) {
        reached.add(FOREIGN_VICTIM_STAGES[1]);
      } else if (ForeignVictimProcess.OUTCOME_INTEGRATING.equals(outcome)) {
        reached.add(FOREIGN_VICTIM_STAGES[2]);
      }
      return reached;
    });
  }

  /** A table of stages: each person once in the total and once per stage reached, whatever their linked cases. */
  private StatisticsTable countPersonsByStage(StatisticsTable table, List<Map<String, Object>> paths,
      Function<Map<String, Object>, List<String>> stagesReached) {
    List<String> personOfPath = personKeys(paths);
    Set<String> onThePath = new HashSet<>();
    Map<String, Set<String>> seen = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      if (onThePath.add(personOfPath.get(i))) {
        table.countUnit();
      }
      for (String stage : stagesReached.apply(paths.get(i))) {
        if (seen.computeIfAbsent(stage, s -> new HashSet<>()).add(personOfPath.get(i))) {
          table.count(stage);
        }
      }
    }
    return table;
  }

  private static void countIdentified(Map<String, Object> referral, StatisticsTable bySex, StatisticsTable byAge,
      StatisticsTable exploitation) {
    bySex.count(text(referral, NrsCaseProcess.SEX.name()));
    byAge.count(text(referral, NrsCaseProcess.AGE_BAND.name()));
    exploitation.countUnit();
    if (referral.get(NrsCaseProcess.FORMS_OF_EXPLOITATION.name()) instanceof List<?> forms) {
      new HashSet<>(forms).forEach(form -> exploitation.count(String.valueOf(form)));
    }
  }

  /** Each case's person key (linked cases share one); a case without a case code is a person of its own. */
  private List<String> personKeys(List<Map<String, Object>> cases) {
    Map<String, String> byCode = persons.personKeys(cases.stream().map(c -> text(c, BUSINESS_KEY))
        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String code = text(cases.get(i), BUSINESS_KEY);
      keys.add(code == null ? "instance:" + i : byCode.get(code));
    }
    return keys;
  }

  private HistoricProcessInstanceQuery started(String key, Period period) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
        .startedAfter(Date.from(period.from())).startedBefore(Date.from(period.to().minusMillis(1)));
  }

  private HistoricProcessInstanceQuery ended(String key, Period period) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(key)
        .finishedAfter(Date.from(period.from())).finishedBefore(Date.from(period.to().minusMillis(1)));
  }

  /** The named variables of every instance the query finds, page by page. */
  private List<Map<String, Object>> variablesOf(HistoricProcessInstanceQuery query, Object... names) {
    String[] variableNames = Arrays.stream(names).map(String::valueOf).toArray(String[]::new);
    List<Map<String, Object>> result = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricProcessInstance> page = query.orderByProcessInstanceId().asc().listPage(first, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Map<String, Map<String, Object>> byInstance = new HashMap<>();
      page.forEach(p -> {
        Map<String, Object> values = new HashMap<>();
        if (p.getBusinessKey() != null) {
          values.put(BUSINESS_KEY, p.getBusinessKey());
        }
        byInstance.put(p.getId(), values);
      });
      List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).variableNameIn(variableNames).list();
      for (HistoricVariableInstance variable : variables) {
        // one value per name and instance: the process-level one wins over a copy in an inner scope
        boolean processLevel = variable.getProcessInstanceId().equals(variable.getActivityInstanceId());
        Map<String, Object> values = byInstance.get(variable.getProcessInstanceId());
        if (processLevel || !values.containsKey(variable.getName())) {
          values.put(variable.getName(), variable.getValue());
        }
      }
      result.addAll(byInstance.values());
      if (page.size() < PAGE) {
        break;
      }
    }
    return result;
  }

  private static boolean in(Set<String> values, String value) {
    return value != null && values.contains(value);
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : String.valueOf(value);
  }

  /** Free-text country, trimmed and capitalised, so "turkey " and "Turkey" count together. */
  static String country(String value) {
    if (value == null || value.isBlank()) {
      return "unknown";
    }
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }
}
