package md.nrs.referral.incidents;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.safetyplan.AssessRisksForm;
import md.nrs.referral.safetyplan.SafetyPlanForm;
import md.nrs.referral.safetyplan.SafetyPlanProcess;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A safety incident reported in Tasklist by the people who see it (issue 16, item 4), in headless Chromium against a
 * running platform with the demo users: the multidisciplinary team working a case starts "Report a safety incident",
 * names the case and what happened; the coordinators' urgent risk review and the team's review of the case's safety
 * plan then show in the task lists of those who own them and not in another agency's. A user of an agency with no
 * step on the case is refused at the case code field and nothing is created. Prints timings; screenshots in
 * {@code target/browser-screenshots/incident-*.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyIncidentInTheBrowserTest {

  private static final String FORM = SafetyIncidentReportProcess.FORM_REPORT_SAFETY_INCIDENT;
  private static final String TEAM = "mdt.chisinau";
  private static final String COORDINATOR = "nrs.coordinator";
  private static final String OTHER_AGENCY = "iom.officer";
  private static final By START = By.cssSelector(".modal-footer button.btn-primary");

  private final ObjectMapper json = new ObjectMapper();
  private PlatformNode node;
  private ProcessEngine engine;
  private PlatformHttp http;
  private Browser browser;
  private String caseCode;
  private String instance;

  @BeforeAll
  void aCaseWorkedByTheChisinauTeamWithItsSafetyPlanMade() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-incident-browser;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
    http = new PlatformHttp(node.port());
    Response referred = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        demo("lastrada.caseworker"), variables(FormSubmission.of(new RegisterReferralForm("hotline-la-strada", "moldova",
            null, "trafficking", "18+", false, "female", false, "Called the hotline after returning from abroad"))));
    assertThat(referred.status()).as(referred.toString()).isEqualTo(200);
    instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .singleResult().getId();
    caseCode = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
    // the team has assessed the risks and made the plan: it now waits for its review date or a review request
    submit(planTask(SafetyPlanProcess.Elements.ASSESS_RISKS), TEAM,
        FormSubmission.of(new AssessRisksForm(null, true, false, false, false, false, false)));
    submit(planTask(SafetyPlanProcess.Elements.MAKE_PLAN), TEAM, FormSubmission.of(new SafetyPlanForm(null,
        List.of("safe-accommodation"), "mdt-chisinau", today().plusDays(3), today().plusDays(14), "active")));
    assertThat(planTasks()).isEmpty();
  }

  @AfterEach
  void closeTheBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      Files.writeString(Path.of("target", "browser-screenshots", "incident-" + test.getTestMethod().orElseThrow().getName()
          + ".html"), browser.driver().getPageSource());
      browser.close();
      browser = null;
    }
  }

  @AfterAll
  void stopThePlatform() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void aUserOfAnAgencyWithNoStepOnTheCaseIsRefusedAtTheCaseCodeAndNothingIsCreated() {
    browser = as(OTHER_AGENCY);
    openTheReportForm();
    fillTheReport("threat");

    long clicked = System.nanoTime();
    browser.click(START);
    WebElement field = browser.waitFor(By.cssSelector(".modal .nrs-field-invalid [id$='-Field_CaseCode']"))
        .findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    System.out.printf("TIMING refused report: %d ms (click to the refusal shown at the field)%n", millisSince(clicked));
    assertThat(field.findElement(By.cssSelector(".nrs-field-error")).getText()).contains("no part in case " + caseCode);
    browser.moveAway();
    browser.screenshot("incident-01-other-agency-refused-at-the-case-code");

    assertThat(reviews()).isEmpty();
    assertThat(planTasks()).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(SafetyIncidentReportProcess.KEY).count()).as("no report process left behind").isZero();
  }

  @Test
  @Order(2)
  void theTeamWorkingTheCaseReportsAnIncidentInTasklist() {
    long started = System.nanoTime();
    browser = as(TEAM);
    browser.waitFor(By.cssSelector("li.start-process-action"));
    browser.settle();
    System.out.printf("TIMING Tasklist first page: %d ms%n", millisSince(started));
    openTheReportForm();
    fillTheReport("violence");
    browser.screenshot("incident-02-team-fills-the-report");

    long clicked = System.nanoTime();
    browser.click(START);
    List<Task> reviews = waitFor(() -> reviews().isEmpty() ? null : reviews());
    System.out.printf("TIMING report submitted: %d ms (click to the urgent risk review created)%n", millisSince(clicked));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());
    browser.moveAway();
    browser.screenshot("incident-03-report-sent");

    assertThat(reviews).hasSize(1);
    assertThat(groupsOf(reviews.get(0))).containsExactly("nrs-coordinators");
    Task planReview = waitFor(() -> planTasks().stream().findFirst().orElse(null));
    assertThat(planReview.getTaskDefinitionKey()).isEqualTo(SafetyPlanProcess.Elements.ASSESS_RISKS);
    assertThat(groupsOf(planReview)).as("the team that owns the case's safety plan").containsExactly("mdt-chisinau");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(planReview.getProcessInstanceId()).variableName(SafetyPlanProcess.REVIEW_REASON.name())
        .singleResult().getValue()).isEqualTo("safety-incident");
  }

  @Test
  @Order(3)
  void theTeamSeesTheReviewOfTheSafetyPlanAndTheCoordinatorTheUrgentRiskReview() {
    browser = as(TEAM);
    List<String> teamList = taskListOfMyAgency();
    browser.screenshot("incident-04-team-task-list-with-the-plan-review");
    assertThat(teamList).anyMatch(row -> row.contains("Assess the risks") && row.contains(caseCode));
    browser.close();
    browser = null;

    browser = as(COORDINATOR);
    List<String> coordinatorList = taskListOfMyAgency();
    browser.screenshot("incident-05-coordinator-task-list-with-the-urgent-risk-review");
    assertThat(coordinatorList).anyMatch(row -> row.contains("Urgent risk review") && row.contains(caseCode));
  }

  @Test
  @Order(4)
  void anotherAgencySeesNeitherReviewInItsTaskList() {
    browser = as(OTHER_AGENCY);
    List<String> list = taskListOfMyAgency();
    browser.screenshot("incident-06-other-agency-task-list-without-the-reviews");
    assertThat(list).noneMatch(row -> row.contains(caseCode));
    assertThat(browser.bodyText()).doesNotContain(caseCode);
  }

  // --- steps

  private Browser as(String user) {
    Browser opened = Browser.open(node.port());
    try {
      return opened.login("tasklist", user, Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close();
      throw e;
    }
  }

  private void openTheReportForm() {
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Report a safety incident']"));
    browser.waitFor(By.cssSelector(".modal .fjs-form"));
    browser.settle();
  }

  /** The choice first: leaving the case code field with Tab focuses the list, and a click then would close it again. */
  private void fillTheReport(String kind) {
    browser.select("Field_IncidentKind", Browser.optionLabel(FORM, "Field_IncidentKind", kind));
    browser.date("Field_IncidentOccurredOn", today());
    browser.type("Field_CaseCode", caseCode);
  }

  /**
   * The rows of the "My agency" filter's list, as the user reads them, once its counter has been filled and the list
   * shows that many rows (so an empty list is a loaded one).
   */
  private List<String> taskListOfMyAgency() {
    By filter = By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),'My agency')]");
    browser.click(filter);
    browser.settle();
    By rows = By.cssSelector("ol.tasks-list > li");
    browser.waitUntil(d -> {
      String counter = d.findElement(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),"
          + "'My agency')]/span[contains(@class,'counter')]")).getText().trim();
      return counter.matches("\\d+") && d.findElements(rows).size() == Math.min(Integer.parseInt(counter), 15);
    });
    browser.moveAway();
    return browser.driver().findElements(rows).stream().map(WebElement::getText).toList();
  }

  private List<Task> reviews() {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(NrsCaseProcess.Elements.URGENT_RISK_REVIEW).list();
  }

  private List<Task> planTasks() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(SafetyPlanProcess.KEY)
        .processInstanceBusinessKey(caseCode).list();
  }

  private Task planTask(String element) {
    return waitFor(() -> engine.getTaskService().createTaskQuery().processDefinitionKey(SafetyPlanProcess.KEY)
        .processInstanceBusinessKey(caseCode).taskDefinitionKey(element).singleResult());
  }

  private void submit(Task task, String user, Map<String, Object> form) {
    Response response = http.post("/engine-rest/task/" + task.getId() + "/submit-form", demo(user), variables(form));
    assertThat(response.status()).as(task.getTaskDefinitionKey() + ": " + response).isEqualTo(204);
  }

  private List<String> groupsOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private static Credentials demo(String user) {
    return basic(user, Browser.DEMO_PASSWORD);
  }

  /** Variables as Tasklist sends them: lists as JSON, dates as text. */
  private String variables(Map<String, Object> form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Object> field : form.entrySet()) {
        Object value = field.getValue();
        if (value == null) {
          continue;
        }
        variables.put(field.getKey(), value instanceof List<?>
            ? Map.of("value", json.writeValueAsString(value), "type", "Json")
            : Map.of("value", value instanceof Boolean ? value : value.toString(),
                "type", value instanceof Boolean ? "Boolean" : "String"));
      }
      return json.writeValueAsString(Map.of("variables", variables));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T waitFor(Supplier<T> value) {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      T found = value.get();
      if (found != null) {
        return found;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not there after 60 s");
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Chisinau"));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
