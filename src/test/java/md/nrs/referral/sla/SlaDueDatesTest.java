package md.nrs.referral.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.ParsedOnceFeelEngine;
import md.nrs.referral.testing.FormSubmission;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** Every user task gets its due date from processes/sla-durations.dmn, counted on the Moldovan calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-sla-due-dates;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class SlaDueDatesTest {

  private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
  /** A Friday afternoon, two working days before the first of December. */
  private static final ZonedDateTime FRIDAY_AFTERNOON = ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, CHISINAU);

  @Autowired ProcessEngine engine;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void anAdultsIdentificationInterviewIsDueAtTheEndOfTheThirdWorkingDay() {
    Task interview = identificationOf(referral("moldova", false, false), FRIDAY_AFTERNOON);

    assertThat(due(interview)).isEqualTo(ZonedDateTime.of(2026, 12, 2, 17, 0, 0, 0, CHISINAU));
  }

  @Test
  void aChildsFirstAssessmentIsDueThreeHoursLaterEvenOnASaturdayNight() {
    ZonedDateTime saturdayNight = ZonedDateTime.of(2026, 11, 28, 22, 30, 0, 0, CHISINAU);

    Task interview = identificationOf(referral("moldova", true, false), saturdayNight);

    assertThat(due(interview)).isEqualTo(saturdayNight.plusHours(3));
  }

  @Test
  void anUrgentReferralsInterviewIsDueWithinTwentyFourHoursAroundTheClock() {
    Task interview = identificationOf(referral("moldova", false, true), FRIDAY_AFTERNOON);

    assertThat(due(interview)).isEqualTo(FRIDAY_AFTERNOON.plusHours(24));
  }

  @Test
  void aWorkingDayRuleSkipsChristmasAndTheWeekend() {
    ZonedDateTime christmasEve = ZonedDateTime.of(2026, 12, 24, 10, 0, 0, 0, CHISINAU);

    Task interview = identificationOf(referral("moldova", false, false), christmasEve);

    // 25 Dec is a holiday, 26-27 the weekend: 28, 29, 30 December are the three working days
    assertThat(due(interview)).isEqualTo(ZonedDateTime.of(2026, 12, 30, 17, 0, 0, 0, CHISINAU));
  }

  @Test
  void changingTheTableChangesTheDueDateOfNewTasks() throws Exception {
    String original = table();
    try {
      deployTable(original.replace("<text>\"P3D\"</text>", "<text>\"P10D\"</text>"));

      Task interview = identificationOf(referral("moldova", false, false), FRIDAY_AFTERNOON);

      assertThat(due(interview)).isEqualTo(ZonedDateTime.of(2026, 12, 11, 17, 0, 0, 0, CHISINAU));
    } finally {
      deployTable(original);
    }
  }

  @Test
  void eachNewTasksDueDateLeavesTheTablesEvaluationInTheDecisionHistory() {
    long decisionsBefore = tableEvaluations();
    long tasksBefore = engine.getHistoryService().createHistoricTaskInstanceQuery().count();

    Task interview = identificationOf(referral("moldova", false, false), FRIDAY_AFTERNOON);

    long tasksCreated = engine.getHistoryService().createHistoricTaskInstanceQuery().count() - tasksBefore;
    assertThat(interview.getDueDate()).isNotNull();
    assertThat(tasksCreated).isPositive();
    assertThat(tableEvaluations() - decisionsBefore).as("sla-durations rows in ACT_HI_DECINST").isEqualTo(tasksCreated);
  }

  @Test
  void theTableIsEvaluatedByTheFeelEngineThatParsesEachTextOnce() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
        .getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
  }

  // ---

  private long tableEvaluations() {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(DueDatesFromSlaTable.DECISION).count();
  }

  private static Map<String, Object> referral(String location, boolean minor, boolean danger) {
    return FormSubmission.of(new RegisterReferralForm("ngo", location, null, "trafficking",
        minor ? "3-6" : "18+", minor, "female", danger, null));
  }

  private Task identificationOf(Map<String, Object> referral, ZonedDateTime now) {
    ClockUtil.setCurrentTime(Date.from(now.toInstant()));
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId();
    String instance = engine.getFormService().submitStartForm(definition, referral).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.IDENTIFICATION).singleResult();
  }

  private static ZonedDateTime due(Task task) {
    assertThat(task.getDueDate()).as("due date of " + task.getTaskDefinitionKey()).isNotNull();
    return ZonedDateTime.ofInstant(task.getDueDate().toInstant(), CHISINAU);
  }

  private static String table() throws Exception {
    try (InputStream in = SlaDueDatesTest.class.getResourceAsStream("/processes/sla-durations.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void deployTable(String dmn) {
    engine.getRepositoryService().createDeployment().name("sla-durations revision")
        .addString("processes/sla-durations.dmn", dmn).deploy();
  }
}
