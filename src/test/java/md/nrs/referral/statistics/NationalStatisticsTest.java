package md.nrs.referral.statistics;

import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_OUTCOME;
import static md.nrs.referral.assistance.AssistanceServiceProcess.SERVICE_TYPE;
import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.COUNTRY;
import static md.nrs.referral.casepath.NrsCaseProcess.FORMS_OF_EXPLOITATION;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.REPATRIATION_OUTCOME;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;
import static md.nrs.referral.casepath.NrsCaseProcess.VICTIM_STATUS;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.COUNSELLING_OUTCOME;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.PARTICIPANT_KIND;
import static md.nrs.referral.engine.CaseVariables.CASE_CODE;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_TYPE;
import static md.nrs.referral.hotline.HotlineCallProcess.OPERATOR_AGENCY;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.analytics.Period;
import md.nrs.referral.foreignvictims.ForeignVictimProcess;
import md.nrs.referral.justice.CriminalJusticeProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * National statistics of a generated year (2025) with known counts. History comes from test-only models
 * deployed under the keys and variables the statistics read (nrs-case, assistance-service, repatriation,
 * hotline-call, dv-group-counselling): each instance starts and ends at a chosen moment of the engine clock,
 * with the variables the real processes would have recorded. This test's own in-memory database keeps
 * these models away from every other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:nrs-statistics;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalStatisticsTest {

  private static final String PASSWORD = "Test#Secret-2026";
  private static final Instant IN_2025 = LocalDate.of(2025, 3, 1).atStartOfDay(PlatformClock.zone()).toInstant();
  private static final Instant IN_2024 = LocalDate.of(2024, 12, 31).atTime(23, 0).atZone(PlatformClock.zone()).toInstant();

  @Autowired ProcessEngine engine;
  @Autowired NationalStatistics statistics;
  @LocalServerPort int port;

  private StatisticsReport year2025;

  @BeforeAll
  void generateYear() {
    TestUsers.ensure(engine, "st.secretariat", PASSWORD, "permanent-secretariat");
    TestUsers.ensure(engine, "st.caseworker", PASSWORD, "la-strada", "caseworkers");
    for (String key : List.of("nrs-case", "assistance-service", "repatriation", StatisticsSources.HOTLINE_CALL,
        StatisticsSources.DV_GROUP_COUNSELLING, CriminalJusticeProcess.KEY,
        ForeignVictimProcess.KEY)) {
      engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent("StartEvent_Recorded")
              .endEvent("EndEvent_Recorded").done()).deploy();
    }
    try {
      // 21 referrals in 2025: sex F 12, M 4, U 5; age 3-6: 2, 7-17: 5, 18+: 13, unknown: 1;
      // Moldova 11, Transnistria 5, abroad 5 (Russia 3, Turkey 2); identified 8 + presumed 2, potential 6
      for (int i = 0; i < 21; i++) {
        Map<String, Object> v = new HashMap<>();
        v.put(SEX.name(), i < 12 ? "female" : i < 16 ? "male" : "unknown");
        v.put(AGE_BAND.name(), i < 2 ? "3-6" : i < 7 ? "7-17" : i < 20 ? "18+" : "unknown");
        v.put(MINOR.name(), i < 7);
        v.put(LOCATION.name(), i < 11 ? "moldova" : i < 16 ? "transnistria" : "abroad");
        if (i >= 16) {
          v.put(COUNTRY.name(), i < 19 ? "Russia" : (i == 19 ? "turkey " : "Turkey"));
        }
        if (i < 16) {
          v.put(VICTIM_STATUS.name(), i < 8 ? "identified-victim" : i < 10 ? "presumed-victim" : "potential-victim");
        }
        if (i < 10) {
          v.put(FORMS_OF_EXPLOITATION.name(), new ArrayList<>(i < 6 ? List.of("labour") : List.of("sexual", "labour")));
        }
        record("nrs-case", IN_2025.plusSeconds(3600L * i), v);
      }
      record("nrs-case", IN_2024, Map.of(SEX.name(), "male", AGE_BAND.name(), "18+",
          LOCATION.name(), "moldova")); // 2024: not counted
      // 15 services delivered to 9 cases in 2025 (legal 5, medical 4, psychological 6), 2 not delivered
      String[] types = {"legal", "legal", "legal", "legal", "legal", "medical", "medical", "medical", "medical",
          "psychological", "psychological", "psychological", "psychological", "psychological", "psychological"};
      for (int i = 0; i < types.length; i++) {
        int person = i % 9;
        record("assistance-service", IN_2025.plusSeconds(60L * i), Map.of(SERVICE_TYPE.name(), types[i],
            SERVICE_OUTCOME.name(), i % 2 == 0 ? "delivered" : "partially-delivered", CASE_CODE.name(), "NRS-2025-00000" + person,
            SEX.name(), person < 6 ? "female" : "male"));
      }
      record("assistance-service", IN_2025, Map.of(SERVICE_TYPE.name(), "social",
          SERVICE_OUTCOME.name(), "not-delivered",
          CASE_CODE.name(), "NRS-2025-000001", SEX.name(), "female"));
      record("assistance-service", IN_2025, Map.of(SERVICE_TYPE.name(), "social",
          SERVICE_OUTCOME.name(), "not-delivered",
          CASE_CODE.name(), "NRS-2025-000002", SEX.name(), "female"));
      for (int i = 0; i < 3; i++) {
        record("repatriation", IN_2025, Map.of(REPATRIATION_OUTCOME.name(), "returned"));
      }
      record("repatriation", IN_2025, Map.of(REPATRIATION_OUTCOME.name(), "not-returned"));
      // hotline: information 20, consultation 7, sos 4; La Strada 25, Interaction 6
      for (int i = 0; i < 31; i++) {
        record(StatisticsSources.HOTLINE_CALL, IN_2025.plusSeconds(i), Map.of(
            CALL_TYPE.name(), i < 20 ? "information" : i < 27 ? "consultation" : "sos",
            OPERATOR_AGENCY.name(), i < 25 ? "la-strada" : "interaction"));
      }
      // justice: 8 persons on the path; 7 referred (1 without consent to share with the police), 6 criminal cases
      // opened and supported, compensation claimed by 5 (3 from the offender, 2 from the state, 1 none), paid to 2
      for (int i = 0; i < 8; i++) {
        Map<String, Object> v = new HashMap<>();
        v.put(CriminalJusticeProcess.WAIT_FOR_REFLECTION_PERIOD.name(), false); // the reflection period is over
        v.put(CriminalJusticeProcess.REFERRED_TO_POLICE.name(), i < 7);
        if (i < 7) {
          v.put(CriminalJusticeProcess.CRIMINAL_CASE_OPENED.name(), i < 6);
        }
        if (i < 6) {
          v.put(CriminalJusticeProcess.PROCEEDINGS_NEXT.name(), CriminalJusticeProcess.NEXT_OUTCOME);
          v.put(CriminalJusticeProcess.COMPENSATION_CLAIMED.name(), i < 3 ? "offender" : i < 5 ? "state" : "none");
        }
        if (i < 5) {
          v.put(CriminalJusticeProcess.COMPENSATION_STATUS.name(), i < 2 ? "paid" : i < 4 ? "refused" : "pending");
        }
        record(CriminalJusticeProcess.KEY, IN_2025, v);
      }
      // foreign victims: 7 identified as foreign nationals, 5 returned to their country, 1 integrating, 1 still deciding
      for (int i = 0; i < 7; i++) {
        Map<String, Object> v = new HashMap<>();
        v.put(ForeignVictimProcess.NATIONALITY.name(), i < 4 ? "UA" : "RU");
        if (i < 6) {
          v.put(ForeignVictimProcess.OUTCOME.name(), i < 5 ? ForeignVictimProcess.OUTCOME_RETURNED
              : ForeignVictimProcess.OUTCOME_INTEGRATING);
        }
        record(ForeignVictimProcess.KEY, IN_2025, v);
      }
      // DV pilot: 8 victims and 6 perpetrators enrolled; 5 victims and 2 perpetrators completed, 1 dropped out
      for (int i = 0; i < 14; i++) {
        boolean victim = i < 8;
        String outcome = (victim && i < 5) || (!victim && i < 10) ? "completed" : i == 13 ? "dropped-out" : null;
        Map<String, Object> v = new HashMap<>();
        v.put(PARTICIPANT_KIND.name(), victim ? "victim" : "perpetrator");
        if (outcome != null) {
          v.put(COUNSELLING_OUTCOME.name(), outcome);
        }
        record(StatisticsSources.DV_GROUP_COUNSELLING, IN_2025, v);
      }
    } finally {
      ClockUtil.reset();
    }
    year2025 = statistics.compute(Period.ofDays("2025-01-01", "2025-12-31", Instant.now()));
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  private void record(String key, Instant at, Map<String, Object> variables) {
    ClockUtil.setCurrentTime(Date.from(at));
    engine.getRuntimeService().startProcessInstanceByKey(key, variables);
  }

  private Map<String, String> published(String table) {
    return year2025.table(table).published();
  }

  @Test
  void referredPersonsAreCountedBySexWithTheFourSuppressedAndItsComplement() {
    assertThat(year2025.table("referred-by-sex").counts()).containsExactly(Map.entry("female", 12L),
        Map.entry("male", 4L), Map.entry("unknown", 5L));
    // 4 is "<5"; the next smallest (5) becomes "x", or 21 − 12 − 5 would give the 4 away
    assertThat(published("referred-by-sex")).containsExactly(Map.entry("female", "12"), Map.entry("male", "<5"),
        Map.entry("unknown", "x"));
    assertThat(year2025.table("referred-by-sex").publishedTotal()).isEqualTo("21");
  }

  @Test
  void fiveIsPublishedAsItIs() {
    assertThat(published("referred-by-region")).containsExactly(Map.entry("moldova", "11"),
        Map.entry("transnistria", "5"), Map.entry("abroad", "5"));
    assertThat(published("referred-internal-or-cross-border")).containsExactly(Map.entry("internal", "16"),
        Map.entry("cross-border", "5"));
    assertThat(published("referred-by-destination-country")).containsExactly(Map.entry("Russia", "<5"),
        Map.entry("Turkey", "<5"));
  }

  @Test
  void ageBandsAndZeroCells() {
    assertThat(published("referred-by-age-band")).containsExactly(Map.entry("0-2", "0"), Map.entry("3-6", "<5"),
        Map.entry("7-17", "5"), Map.entry("18+", "13"), Map.entry("unknown", "<5"));
    assertThat(published("identified-by-age-band")).containsExactly(Map.entry("0-2", "0"), Map.entry("3-6", "<5"),
        Map.entry("7-17", "5"), Map.entry("18+", "<5"), Map.entry("unknown", "0"));
  }

  @Test
  void identifiedPersonsByFormOfExploitationCountEachPersonOncePerForm() {
    assertThat(year2025.table("identified-by-sex").counts()).containsEntry("female", 10L).containsEntry("male", 0L);
    assertThat(published("identified-by-form-of-exploitation")).containsEntry("labour", "10").containsEntry("sexual", "<5")
        .containsEntry("begging", "0");
    assertThat(year2025.table("identified-by-form-of-exploitation").publishedTotal()).isEqualTo("10");
  }

  @Test
  void theJusticePillarCountsPersonsByTheStagesTheyReachedWithTheSmallCellsSuppressed() {
    assertThat(year2025.table("justice").counts()).containsExactly(Map.entry("referred-to-police", 7L),
        Map.entry("criminal-case-opened", 6L), Map.entry("supported-in-proceedings", 6L),
        Map.entry("compensation-claimed", 5L), Map.entry("compensation-awarded", 2L));
    // a person reaches several stages, so the lines do not add up to the total: no complementary suppression
    assertThat(published("justice")).containsEntry("compensation-claimed", "5").containsEntry("compensation-awarded", "<5");
    assertThat(year2025.table("justice").publishedTotal()).isEqualTo("8");
  }

  @Test
  void foreignVictimsAreCountedIdentifiedReturnedAndIntegratingWithTheSmallCellsSuppressed() {
    assertThat(year2025.table("foreign-victims").counts()).containsExactly(Map.entry("identified", 7L),
        Map.entry("returned", 5L), Map.entry("integrating", 1L));
    assertThat(published("foreign-victims")).containsEntry("identified", "7").containsEntry("returned", "5")
        .containsEntry("integrating", "<5");
    assertThat(year2025.table("foreign-victims").publishedTotal()).isEqualTo("7");
  }

  @Test
  void assistanceRepatriationHotlineAndThePilot() {
    assertThat(year2025.table("assisted-by-sex").counts()).containsEntry("female", 6L).containsEntry("male", 3L);
    assertThat(published("assisted-by-sex")).containsEntry("female", "x").containsEntry("male", "<5");
    assertThat(year2025.table("services-delivered-by-type").counts()).containsExactly(Map.entry("legal", 5L),
        Map.entry("medical", 4L), Map.entry("psychological", 6L), Map.entry("social", 0L));
    assertThat(published("repatriated")).containsExactly(Map.entry("returned", "<5"));
    assertThat(published("hotline-calls-by-type")).containsExactly(Map.entry("information", "20"),
        Map.entry("consultation", "x"), Map.entry("sos", "<5"));
    assertThat(published("hotline-calls-by-operator-agency")).containsExactly(Map.entry("la-strada", "25"),
        Map.entry("interaction", "6"));
    assertThat(published("dv-pilot-enrolments")).containsExactly(Map.entry("victim", "8"), Map.entry("perpetrator", "6"));
    assertThat(year2025.table("dv-pilot-completions").counts()).containsExactly(Map.entry("victim", 5L),
        Map.entry("perpetrator", 2L));
    assertThat(published("dv-pilot-completions")).containsExactly(Map.entry("victim", "x"), Map.entry("perpetrator", "<5"));
  }

  @Test
  void theSecretariatDownloadsTheCsvAndThePrintableReport() {
    PlatformHttp http = new PlatformHttp(port);

    var csv = http.get("/api/statistics/national.csv?year=2025", basic("st.secretariat", PASSWORD));
    var html = http.get("/api/statistics/national.html?from=2025-01-01&to=2025-12-31", basic("st.secretariat", PASSWORD));

    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith(StatisticsReport.CSV_HEADER + "\r\n")
        .contains("referred-by-sex,female,12\r\n", "referred-by-sex,male,<5\r\n", "referred-by-sex,unknown,x\r\n",
            "referred-by-sex,total,21\r\n", "referred-by-region,transnistria,5\r\n",
            "hotline-calls-by-type,sos,<5\r\n", "dv-pilot-enrolments,perpetrator,6\r\n")
        .doesNotContain("NRS-2025");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("<svg", "Referred persons by sex", "&lt;5").doesNotContain("<script");
  }

  @Test
  void aCaseworkerMayNotReadTheStatisticsAndAPeriodIsRequired() {
    PlatformHttp http = new PlatformHttp(port);

    var refused = http.get("/api/statistics/national.csv?year=2025", basic("st.caseworker", PASSWORD));
    var noPeriod = http.get("/api/statistics/national.csv", basic("st.secretariat", PASSWORD));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(noPeriod.status()).isEqualTo(400);
  }
}
