package md.nrs.referral.webapps;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.InformedConsentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 20 items 2 and 3 in a real browser (headless Chromium), as the demo users work: La Strada registers a
 * referral in Tasklist and sees its case code with Copy and a link to the case page; the MDT's consent form and
 * every task link to the case page (no password prompt, no JSON), which shows the journey and the person to the
 * MDT; the coordinator's approval form shows the findings and the plan as labels; La Strada, the referrer, sees
 * the referral's state and its list of referrals; another agency gets the branded "no part" page. The MDT lands on
 * its agency's filter with the consent task in it, and the task's History tab shows the case's history; after the
 * MDT's Complete of the needs assessment, a panel names the next steps and the teams that have them. The steps
 * between are submitted over HTTP by the demo users themselves. Screenshots: {@code target/browser-screenshots/cv-*.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseInViewInTheBrowserTest {

  private PlatformNode node;
  private ProcessEngine engine;
  private PlatformHttp http;
  private Browser browser;
  private String caseCode;
  private String instance;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-case-in-view;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
    http = new PlatformHttp(node.port());
  }

  @AfterEach
  void closeTheBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(Browser.SCREENSHOTS.resolve("cv-" + test.getTestMethod().orElseThrow().getName() + ".html"),
          browser.driver().getPageSource());
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
  void laStradaSeesTheNewCaseCodeWithCopyAndALinkToTheCasePage() {
    browser = as("lastrada.caseworker", "en");
    browser.settle();
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='NRS case']"));
    String form = NrsCaseProcess.FORM_REGISTER_REFERRAL;
    browser.select("Field_Channel", Browser.optionLabel(form, "Field_Channel", "hotline-la-strada"));
    browser.select("Field_Category", Browser.optionLabel(form, "Field_Category", "trafficking"));
    browser.tick("Field_Location", browser.index(form, "Field_Location", "moldova"));
    browser.tick("Field_Sex", browser.index(form, "Field_Sex", "female"));
    browser.select("Field_AgeBand", Browser.optionLabel(form, "Field_AgeBand", "18+"));
    browser.type("Field_ReferralSummary", "Called the hotline after returning from seasonal work");
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));

    WebElement shown = browser.waitFor(By.id("nrs-new-case-code"));
    var started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).singleResult();
    instance = started.getId();
    caseCode = started.getBusinessKey();
    assertThat(shown.getText()).isEqualTo(caseCode);
    assertThat(browser.bodyText()).contains("The referral is registered");
    assertThat(browser.driver().findElement(By.cssSelector(".nrs-registered a.nrs-open-case")).getDomAttribute("href"))
        .isEqualTo("/nrs/case.html?code=" + caseCode);
    browser.click(By.cssSelector(".nrs-registered button.nrs-copy"));
    browser.waitUntil(d -> d.findElement(By.cssSelector(".nrs-registered button.nrs-copy")).getText().equals("Copied"));
    browser.screenshot("cv-01-case-code-after-registration");
  }

  @Test
  @Order(2)
  void theMdtsConsentFormAndTaskLinkToTheCasePageNotToRawJson() {
    submit("mdt.chisinau", FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    Task consent = caseTask(Elements.CONSENT);
    browser = as("mdt.chisinau", "en");
    browser.go("/camunda/app/tasklist/default/#/?task=" + consent.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    WebElement taskLink = browser.waitFor(By.cssSelector("a.nrs-case-link"));
    assertThat(taskLink.getDomAttribute("href")).isEqualTo("/nrs/case.html?code=" + caseCode);
    WebElement formLink = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(@href,'case') and @target='_blank']"));
    assertThat(formLink.getDomAttribute("href")).isEqualTo("/nrs/case.html?code=" + caseCode);
    browser.settle();
    browser.screenshot("cv-02-consent-task-links-to-case-page");
  }

  /** The MDT's work waits unclaimed in its team's list: Tasklist opens that list, not an empty "My tasks". */
  @Test
  @Order(3)
  void theMdtLandsOnItsAgencysFilterWithTheConsentTaskInIt() {
    caseTask(Elements.CONSENT);
    browser = as("mdt.chisinau", "en");
    browser.go("/camunda/app/tasklist/default/#/");
    WebElement chosen = browser.waitFor(By.cssSelector(".task-filters div.item.task-filter.active"));
    assertThat(chosen.getText()).contains("My agency");
    browser.waitUntil(d -> d.findElement(By.cssSelector(".tasks-list")).getText().contains(caseCode));
    assertThat(browser.driver().findElements(By.cssSelector(".task-filters div.item.task-filter")).stream()
        .map(WebElement::getText).toList()).as("My tasks is still offered").anyMatch(name -> name.contains("My tasks"));
    browser.settle();
    browser.screenshot("cv-08-mdt-lands-on-its-agencys-tasks");
  }

  /** Tasklist's History tab lists only this task's operations; the case's journey is shown above them. */
  @Test
  @Order(4)
  void theConsentTasksHistoryTabShowsTheCasesHistory() {
    Task consent = caseTask(Elements.CONSENT);
    browser = as("mdt.chisinau", "en");
    browser.go("/camunda/app/tasklist/default/#/?task=" + consent.getId());
    browser.waitFor(By.cssSelector("a.nrs-case-link"));
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='History']"));
    WebElement history = browser.waitFor(By.cssSelector(".history-pane .nrs-case-history"));
    browser.waitUntil(d -> history.findElements(By.cssSelector(".nrs-history-step")).size() >= 2);
    assertThat(history.getText()).contains("The case's history: " + caseCode, "Identification interview", "done",
        "Informed consent", "open");
    browser.settle();
    browser.screenshot("cv-09-history-tab-shows-the-case");
  }

  @Test
  @Order(5)
  void theMdtSeesTheJourneyAndThePersonOnTheCasePage() {
    submit("mdt.chisinau", FormSubmission.of(new InformedConsentForm(true, "given", List.of("mdt-chisinau"), false, false,
        null, "Zorina", "Plamadeala", null, null, null, null, null, null, null)));
    completeTheNeedsAssessmentInTasklist();
    browser = as("mdt.chisinau", "en");
    browser.driver().manage().window().setSize(new Dimension(1280, 800));
    browser.go("/nrs/case.html?code=" + caseCode);
    browser.waitFor(By.cssSelector("#page[data-ready='true']"));

    String page = browser.bodyText();
    assertThat(page).contains("Case " + caseCode, "Identification interview", "Informed consent", "Approve the assistance plan",
        "done", "open", "Consents", "Assistance: given", "Plamadeala");
    assertThat(page).doesNotContain("{\"", "casepage.");
    browser.screenshot("cv-03-case-page-as-the-mdt");
  }

  @Test
  @Order(7)
  void theCoordinatorsApprovalFormShowsTheFindingsAndThePlanAsLabels() {
    Task approval = caseTask(Elements.APPROVE_PLAN);
    browser = as("nrs.coordinator", "ro");
    browser.go("/camunda/app/tasklist/default/#/?task=" + approval.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.waitForText("servicii planificate");
    browser.settle();
    String form = browser.driver().findElement(By.cssSelector(".fjs-form")).getText();
    assertThat(form).contains(Browser.optionLabel(NrsCaseProcess.FORM_IDENTIFICATION,
        "Field_VictimStatus", "presumed-victim", "ro"), Browser.optionLabel(NrsCaseProcess.FORM_NEEDS_ASSESSMENT,
        "Field_PlannedServices", "legal", "ro"), "adăpost necesar: nu");
    assertThat(form).doesNotContain("[\"legal\"", "false", "presumed-victim");
    assertThat(form).as("the case code, not withheld from the coordinator as if it were a note")
        .contains("Cazul " + caseCode).doesNotContain("****");
    browser.screenshot("cv-04-approval-form-with-readable-labels");

    submit("nrs.coordinator", Map.of(NrsCaseProcess.PLAN_DECISION.name(), "approve"));
  }

  /** Before the plan is approved: once La Strada is asked to provide a service, it has a step of its own on the case. */
  @Test
  @Order(6)
  void theReferrerSeesTheReferralsStateAndItsListOfReferrals() {
    browser = as("lastrada.caseworker", "en");
    browser.driver().manage().window().setSize(new Dimension(1280, 800));
    browser.go("/nrs/case.html?code=" + caseCode);
    browser.waitFor(By.cssSelector("#page[data-ready='true']"));
    String page = browser.bodyText();
    assertThat(page).contains("Case " + caseCode, "Your agency referred this case", "Steps open now");
    assertThat(page).doesNotContain("Plamadeala", "Zorina", "Consents", "Identification interview");
    browser.screenshot("cv-05-case-page-as-the-referrer");

    browser.go("/nrs/case.html");
    browser.waitFor(By.cssSelector("#page[data-ready='true']"));
    assertThat(browser.bodyText()).contains("Referrals made by your agency", caseCode);
    browser.screenshot("cv-06-referrals-of-la-strada");
  }

  @Test
  @Order(8)
  void anAgencyWithNoPartGetsTheBrandedPageAndNothingOfTheCase() {
    browser = as("interaction.operator", "ro");
    browser.go("/nrs/case.html?code=" + caseCode);
    browser.waitFor(By.cssSelector("#page[data-ready='true']"));
    assertThat(browser.bodyText()).contains("Nu aveți niciun rol în acest caz", "Înapoi la Tasklist")
        .doesNotContain("Plamadeala", "Aprobați planul");
    assertThat(browser.driver().findElement(By.cssSelector("a.button")).getDomAttribute("href")).isEqualTo("/camunda/app/tasklist/");
    browser.screenshot("cv-07-case-page-no-part");
  }

  /** The MDT completes the needs assessment in Tasklist and is told what happens next and which team has it. */
  private void completeTheNeedsAssessmentInTasklist() {
    Task needs = caseTask(Elements.NEEDS_ASSESSMENT);
    browser = as("mdt.chisinau", "en");
    browser.go("/camunda/app/tasklist/default/#/?task=" + needs.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.waitFor(By.cssSelector("a.nrs-case-link"));
    browser.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    String form = NrsCaseProcess.FORM_NEEDS_ASSESSMENT;
    browser.tick("Field_PlannedServices", browser.index(form, "Field_PlannedServices", "legal"));
    browser.tick("Field_PlannedServices", browser.index(form, "Field_PlannedServices", "medical"));
    browser.type("Field_PlanSummary", "Legal advice on the unpaid wages; a medical check-up");
    browser.closeNotifications();
    browser.click(By.cssSelector("[ng-click='complete()']"));

    WebElement next = browser.waitFor(By.cssSelector(".nrs-next"));
    browser.waitUntil(d -> !d.findElements(By.cssSelector(".nrs-next .nrs-next-step")).isEmpty());
    var open = engine.getHistoryService().createHistoricTaskInstanceQuery().rootProcessInstanceId(instance).unfinished().list();
    assertThat(open).as("the plan waits for the coordinators' approval; the case's risk assessment runs from the referral on")
        .extracting(t -> t.getTaskDefinitionKey())
        .containsExactlyInAnyOrder(Elements.APPROVE_PLAN, md.nrs.referral.safetyplan.SafetyPlanProcess.Elements.ASSESS_RISKS);
    var approval = open.stream().filter(t -> Elements.APPROVE_PLAN.equals(t.getTaskDefinitionKey())).findFirst().orElseThrow();
    List<String> teams = engine.getTaskService().getIdentityLinksForTask(approval.getId()).stream()
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
        .map(group -> engine.getIdentityService().createGroupQuery().groupId(group).singleResult().getName()).toList();
    assertThat(teams).isNotEmpty();
    assertThat(next.getText()).contains("What happens next: " + caseCode, "Approve the assistance plan").contains(teams);
    assertThat(next.findElements(By.cssSelector(".nrs-next-step"))).hasSize(2);
    assertThat(next.findElement(By.cssSelector("a.nrs-open-case")).getDomAttribute("href")).isEqualTo("/nrs/case.html?code=" + caseCode);
    browser.screenshot("cv-10-what-happens-next-after-complete");
    browser.close();
    browser = null;
  }

  private Browser as(String user, String language) {
    Browser opened = Browser.open(node.port(), language);
    try {
      return opened.login("tasklist", user, Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close();
      throw e;
    }
  }

  /** The demo user submits the case's open task's form over HTTP, as Tasklist would. */
  private void submit(String user, Map<String, Object> form) {
    Task task = browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult());
    var answer = http.post("/engine-rest/task/" + task.getId() + "/submit-form", basic(user, Browser.DEMO_PASSWORD),
        formSubmission(form));
    assertThat(answer.status()).as(task.getTaskDefinitionKey() + ": " + answer).isEqualTo(204);
  }

  private Task caseTask(String element) {
    assertThat(instance).as("the referral was registered (step 1)").isNotNull();
    return browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(element).singleResult());
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
