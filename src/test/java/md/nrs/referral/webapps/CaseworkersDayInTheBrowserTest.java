package md.nrs.referral.webapps;

import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.CONSENT_TO_ASSISTANCE;
import static md.nrs.referral.casepath.NrsCaseProcess.INDICATORS;
import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.VICTIM_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import md.nrs.referral.assistance.AssistanceServiceProcess;
import md.nrs.referral.agencies.directory.DirectoryChoices;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/**
 * A caseworker's day in a real browser (headless Chromium): one referral from the start form in Tasklist
 * to a provider agency accepting a service, each step done by the demo user whose work it is, through the
 * forms they see; then a manager in Cockpit, and a caseworker trying to open another agency's task.
 * Each step leaves {@code target/browser-screenshots/NN-step.png}. The engine is only read from, except
 * for its clock: the referral is registered with the engine's clock ten days back, so that by today its
 * identification is really overdue, for the engine's "Overdue" filter and for the browser's own clock.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkersDayInTheBrowserTest {

  /** The demo user (README) who works for each agency or team. */
  private static final Map<String, String> DEMO_USER_OF = Map.of(
      "la-strada", "lastrada.caseworker", "cap-chisinau", "cap.caseworker", "interaction", "interaction.operator",
      "cctp", "cctp.officer", "iom", "iom.officer", "mdt-chisinau", "mdt.chisinau",
      "guardianship-chisinau", "guardianship.chisinau", "community-social-workers", "social.worker",
      "nrs-coordinators", "nrs.coordinator");

  private PlatformNode node;
  private ProcessEngine engine;
  private Browser browser;
  private String caseCode;
  private String instance;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-browser;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
  }

  @AfterEach
  void closeTheBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      // keep what the page looked like when a step ended, for a failing step above all
      Files.writeString(Path.of("target", "browser-screenshots", test.getTestMethod().orElseThrow().getName() + ".html"),
          browser.driver().getPageSource());
      browser.close();
      browser = null;
    }
  }

  @AfterAll
  void stopThePlatform() {
    ClockUtil.reset();
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void aLaStradaCaseworkerRegistersAReferralThroughTheStartForm() {
    // the referral came ten days ago: the engine's clock says so while it is registered
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(10, ChronoUnit.DAYS)));
    try {
      browser = as("tasklist", "lastrada.caseworker");
      browser.waitForText("Overdue");
      browser.settle();
      browser.screenshot("01-tasklist-lastrada");
      assertThat(browser.driver().getTitle()).isEqualTo("NRS Referral Platform Tasklist");
      assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
          .as("no end-of-life banner for caseworkers").noneMatch(org.openqa.selenium.WebElement::isDisplayed);
      browser.click(By.cssSelector("li.start-process-action a"));
      browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='NRS case']"));
      String form = NrsCaseProcess.FORM_REGISTER_REFERRAL;
      browser.select("Field_Channel", Browser.optionLabel(form, "Field_Channel", "hotline-la-strada"));
      browser.select("Field_Category", Browser.optionLabel(form, "Field_Category", "trafficking"));
      browser.tick("Field_Location", browser.index(form, "Field_Location", "moldova"));
      browser.tick("Field_Sex", browser.index(form, "Field_Sex", "female"));
      browser.select("Field_AgeBand", Browser.optionLabel(form, "Field_AgeBand", "18+"));
      browser.type("Field_ReferralSummary", "Called the hotline after returning from seasonal work");
      browser.screenshot("02-register-referral-form");
      browser.click(By.cssSelector(".modal-footer button.btn-primary"));
      browser.waitUntil(d -> engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(NrsCaseProcess.KEY).count() == 1);
      browser.screenshot("03-referral-registered");
    } finally {
      ClockUtil.reset();
    }
    var started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).singleResult();
    instance = started.getId();
    caseCode = started.getBusinessKey();
    assertThat(caseCode).startsWith("NRS-");
    assertThat(engine.getRuntimeService().getVariable(instance, CHANNEL.name())).isEqualTo("hotline-la-strada");
  }

  @Test
  @Order(2)
  void theTeamSeesTheIdentificationDueDateAndFindsItUnderOverdue() {
    Task identification = caseTask(Elements.IDENTIFICATION);
    assertThat(identification.getDueDate()).as("due date from the SLA table").isBefore(new Date());
    browser = as("tasklist", teamMemberFor(identification));
    browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),'Overdue')]"));
    browser.waitForText(caseCode);
    browser.settle();
    // the list shows the due date as the browser's own clock sees it: already passed
    String list = browser.bodyText();
    assertThat(list).contains("Identification interview", caseCode).containsPattern("Due \\d+ days? ago");
    assertThat(browser.driver().findElement(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),"
        + "'Overdue')]/span[contains(@class,'counter')]")).getText())
        .as("the engine's Overdue filter counts it and the case's risk assessment (safety plan, 24 hours)").isEqualTo("2");
    browser.moveAway();
    browser.screenshot("04-overdue-filter-with-due-date");
  }

  @Test
  @Order(3)
  void theIdentificationFormRefusesAMissingStatusAndAFutureDateAndKeepsTheTaskOpen() {
    Task identification = caseTask(Elements.IDENTIFICATION);
    browser = openTask(identification);
    String form = NrsCaseProcess.FORM_IDENTIFICATION;
    browser.tick("Field_Indicators", browser.index(form, "Field_Indicators", "deception"));
    browser.tick("Field_FormsOfExploitation", browser.index(form, "Field_FormsOfExploitation", "labour"));
    browser.date("Field_InterviewedOn", LocalDate.now(PlatformClock.zone()));
    // form-js checks the form as it is filled (then Complete is disabled) and again on Complete: either
    // way the missing status is named and nothing is sent
    if (browser.driver().findElement(By.cssSelector("[ng-click='complete()']")).isEnabled()) {
      complete();
    }
    org.openqa.selenium.WebElement error = browser.waitFor(By.cssSelector("[id$='-Field_VictimStatus-error-message']"));
    assertThat(error.getText()).isNotBlank();
    browser.screenshot("05-identification-missing-status");
    assertThat(engine.getTaskService().createTaskQuery().taskId(identification.getId()).count()).isEqualTo(1);

    // form-js does not know the interview cannot be in the future; the server does (400 naming the field)
    browser.tick("Field_VictimStatus", browser.index(form, "Field_VictimStatus", "presumed-victim"));
    browser.date("Field_InterviewedOn", LocalDate.now(PlatformClock.zone()).plusDays(3));
    complete();
    browser.waitForText("cannot be in the future");
    browser.screenshot("06-identification-future-date-refused-by-server");
    assertThat(engine.getTaskService().createTaskQuery().taskId(identification.getId()).count()).isEqualTo(1);

    browser.date("Field_InterviewedOn", LocalDate.now(PlatformClock.zone()));
    complete();
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(identification.getId()).count() == 0);
    browser.screenshot("07-identification-completed");
    assertThat(engine.getRuntimeService().getVariable(instance, VICTIM_STATUS.name())).isEqualTo("presumed-victim");
    assertThat(engine.getRuntimeService().getVariable(instance, INDICATORS.name()).toString()).contains("deception");
  }

  @Test
  @Order(4)
  void theTeamRecordsInformedConsentAndTheAssistancePlan() {
    Task consent = caseTask(Elements.CONSENT);
    browser = openTask(consent);
    String form = NrsCaseProcess.FORM_CONSENT;
    browser.tick("Field_InformationGiven", null);
    browser.tick("Field_ConsentToAssistance", browser.index(form, "Field_ConsentToAssistance", "given"));
    browser.tick("Field_ShareWithAgencies", directoryOption("cap-chisinau"));
    browser.tick("Field_ShareWithAgencies", directoryOption("la-strada"));
    browser.screenshot("08-informed-consent-form");
    complete();
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(consent.getId()).count() == 0);
    assertThat(engine.getRuntimeService().getVariable(instance, CONSENT_TO_ASSISTANCE.name())).isEqualTo("given");

    Task assessment = caseTask(Elements.NEEDS_ASSESSMENT);
    browser.close();
    browser = null;
    browser = openTask(assessment);
    browser.tick("Field_PlannedServices", browser.index(NrsCaseProcess.FORM_NEEDS_ASSESSMENT, "Field_PlannedServices", "medical"));
    browser.type("Field_PlanSummary", "Medical check-up at the CAP; stays with her family");
    browser.screenshot("09-needs-assessment-form");
    complete();
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(assessment.getId()).count() == 0);
  }

  @Test
  @Order(5)
  void theCoordinatorApprovesTheAssistancePlan() {
    Task approval = caseTask(Elements.APPROVE_PLAN);
    assertThat(teamMemberFor(approval)).isEqualTo("nrs.coordinator");
    browser = openTask(approval);
    browser.tick("Field_PlanDecision", browser.index(NrsCaseProcess.FORM_APPROVE_PLAN, "Field_PlanDecision", "approve"));
    browser.screenshot("10-coordinator-approves-plan");
    complete();
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(approval.getId()).count() == 0);
    assertThat(engine.getRuntimeService().getVariable(instance, PLAN_DECISION.name())).isEqualTo("approve");
  }

  @Test
  @Order(6)
  void theProviderAgencyAcceptsTheServiceReferral() {
    Task answer = serviceTask(AssistanceServiceProcess.Elements.ANSWER_REFERRAL);
    browser = openTask(answer);
    browser.waitForText("Medical check-up at the CAP");
    String form = browser.driver().findElement(org.openqa.selenium.By.cssSelector(".fjs-form")).getText();
    assertThat(form).as("the needs the person agreed to share with the CAP, as labels")
        .contains("planned services: Medical assistance").doesNotContain("{{", "[\"medical\"");
    browser.tick("Field_ProviderAnswer",
        browser.index(AssistanceServiceProcess.FORM_ANSWER_REFERRAL, "Field_ProviderAnswer", "accept"));
    browser.screenshot("11-provider-accepts-referral");
    complete();
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(answer.getId()).count() == 0);
    assertThat(serviceTask(AssistanceServiceProcess.Elements.REPORT_OUTCOME)).isNotNull();
  }

  @Test
  @Order(7)
  void aCaseworkerOfAnotherAgencyCannotOpenTheProvidersTask() {
    Task report = serviceTask(AssistanceServiceProcess.Elements.REPORT_OUTCOME);
    String owner = teamMemberFor(report);
    String outsider = owner.equals("lastrada.caseworker") ? "interaction.operator" : "lastrada.caseworker";
    browser = as("tasklist", outsider);
    browser.go("/camunda/app/tasklist/default/#/?task=" + report.getId());
    // the platform's panel tells the user the task is not their agency's (scripts/nrs-form-errors, in place of
    // Tasklist's "The task does not exist anymore"); the form and the task's data never appear
    browser.waitUntil(d -> d.findElements(By.cssSelector(".nrs-task-refused")).stream()
        .anyMatch(panel -> panel.isDisplayed() && panel.getText().contains("not your agency's")));
    browser.settle();
    browser.screenshot("12-other-agency-task-refused");
    assertThat(browser.driver().findElements(By.cssSelector(".fjs-form"))).isEmpty();
    assertThat(browser.bodyText()).doesNotContain("Deliver the service and report the outcome");
  }

  @Test
  @Order(8)
  void aManagerSeesTheDashboardAndTheCaseDiagramInCockpit() {
    browser = as("cockpit", "nrs.manager");
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    browser.waitForText("Running Process Instances");
    browser.settle();
    assertThat(browser.driver().getTitle()).startsWith("NRS Referral Platform Cockpit");
    // the bottleneck panel of the analytics plugin: the case's open steps are among the top bottlenecks
    browser.waitFor(By.cssSelector(".nrs-bottlenecks-panel table.nrs-analytics-table tbody tr"));
    browser.settle();
    assertThat(browser.waitFor(By.cssSelector(".nrs-bottlenecks-panel")).getText())
        .contains("Bottlenecks").contains("Median (step)").contains("nrs-case");
    browser.screenshot("13-cockpit-dashboard");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    browser.waitFor(By.cssSelector(".djs-container svg"));
    browser.waitFor(By.cssSelector("[data-element-id='" + Elements.IDENTIFICATION + "']"));
    browser.settle();
    browser.waitUntil(d -> !browser.bodyText().toLowerCase(java.util.Locale.ROOT).contains("loading"));
    browser.screenshot("14-cockpit-nrs-case-diagram");
    // the bottleneck overlay: on the steps where the case waits, how many wait, how many are overdue, median time
    browser.waitFor(By.cssSelector(".nrs-analytics-badge"));
    browser.settle();
    // one line on the diagram ("1 waiting", "· 1 overdue" when it is), the rest in the badge's tooltip
    List<org.openqa.selenium.WebElement> badges = browser.driver().findElements(By.cssSelector(".nrs-analytics-badge"));
    assertThat(badges).anySatisfy(badge -> {
      assertThat(badge.getText()).contains("1 waiting");
      assertThat(badge.getDomAttribute("title")).contains("overdue").contains("median");
    });
    browser.screenshot("14b-cockpit-bottleneck-overlay");
  }

  @Test
  @Order(9)
  void aCaseworkerWhoseBrowserIsSetToRomanianWorksInRomanian() {
    assertTasklistSpeaks("ro", "15-tasklist-in-romanian");
  }

  @Test
  @Order(10)
  void aCaseworkerWhoseBrowserIsSetToRussianWorksInRussian() {
    assertTasklistSpeaks("ru", "16-tasklist-in-russian");
  }

  /**
   * Opens the provider's open task in a browser set to this language: the login page, the header, the
   * task list, the task's tabs, dates and buttons are in that language, and none of the English ones is.
   */
  private void assertTasklistSpeaks(String language, String screenshot) {
    Task report = serviceTask(AssistanceServiceProcess.Elements.REPORT_OUTCOME);
    Map<String, String> english = TasklistLabels.of("en");
    Map<String, String> translated = TasklistLabels.of(language);
    browser = Browser.open(node.port(), language);
    browser.go("/camunda/app/tasklist/default/#/login");
    browser.waitForText(translated.get("PAGE_LOGIN_SIGN_IN_ACTION"));
    assertThat(containsWords(browser.bodyText(), english.get("PAGE_LOGIN_SIGN_IN_ACTION"))).isFalse();
    browser.screenshot(screenshot + "-login");
    browser.login("tasklist", teamMemberFor(report), Browser.DEMO_PASSWORD);
    browser.go("/camunda/app/tasklist/default/#/?task=" + report.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.settle();
    if (engine.getTaskService().createTaskQuery().taskId(report.getId()).singleResult().getAssignee() == null) {
      browser.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    }
    browser.waitForText(translated.get("COMPLETE"));
    browser.settle();
    browser.screenshot(screenshot);
    String page = browser.bodyText();
    // no "SAVE" (it kept a draft of the form in the browser) and no "CREATE_TASK" (hidden: no free-floating tasks);
    // no "CAM_WIDGET_FOOTER_POWERED_BY" (the footer names the platform: scripts/nrs-header, FormErrorsInTheBrowserTest)
    for (String key : List.of("START_PROCESS", "SHORTCUT_HELP", "COMPLETE", "FORM", "HISTORY",
        "DIAGRAM", "COMMENT_CREATE", "SET_FOLLOW_UP_DATE", "CAM_WIDGET_FOOTER_TIMEZONE")) {
      assertThat(page).as(key + " in " + language).contains(translated.get(key).trim());
      assertThat(containsWords(page, english.get(key).trim())).as(key + " not in English: " + english.get(key)).isFalse();
    }
  }

  /** Whether the text holds these words as words ("Form" is not in "Formular"). */
  private static boolean containsWords(String text, String words) {
    return java.util.regex.Pattern.compile("(?<!\\w)" + java.util.regex.Pattern.quote(words) + "(?!\\w)",
        java.util.regex.Pattern.UNICODE_CHARACTER_CLASS).matcher(text).find();
  }

  // --- steps

  private Browser as(String app, String user) {
    Browser opened = Browser.open(node.port());
    try {
      return opened.login(app, user, Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close(); // not yet handed to the test, so nothing else would close it
      throw e;
    }
  }

  /** Logs in as the demo user of the task's agency, opens the task by its address and claims it. */
  private Browser openTask(Task task) {
    Browser b = as("tasklist", teamMemberFor(task));
    browser = b; // closed after the step even if opening the task fails
    b.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
    b.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    b.waitFor(By.cssSelector(".fjs-form"));
    b.settle();
    return b;
  }

  private void complete() {
    browser.closeNotifications();
    browser.click(By.cssSelector("[ng-click='complete()']"));
  }

  private String teamMemberFor(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    assertThat(groups).hasSize(1);
    return DEMO_USER_OF.get(groups.get(0));
  }

  /** Where an agency stands in the consent form's list, which the server fills from the directory as it serves it. */
  private int directoryOption(String agency) {
    int index = node.bean(DirectoryChoices.class).choices(DirectoryChoices.AGENCIES).stream().map(DirectoryChoices.Choice::value)
        .toList().indexOf(agency);
    assertThat(index).as(agency + " in the directory's list").isNotNegative();
    return index;
  }

  /** The case's open task at this step, once it is there (later steps may run asynchronously). */
  private Task caseTask(String element) {
    assertThat(instance).as("the referral was registered (step 1)").isNotNull();
    return browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(element).singleResult());
  }

  private Task serviceTask(String element) {
    assertThat(caseCode).as("the referral was registered (step 1)").isNotNull();
    return browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
        .processDefinitionKey(AssistanceServiceProcess.KEY).taskDefinitionKey(element).singleResult());
  }

  private static <T> T browserlessWait(java.util.function.Supplier<T> value) {
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
}
