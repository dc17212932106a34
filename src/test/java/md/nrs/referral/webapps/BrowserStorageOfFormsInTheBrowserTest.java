package md.nrs.referral.webapps;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import md.nrs.referral.testing.WebSessionExpiry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Nothing personal stays in the browser (issue 20, item 1). Tasklist 7.24 wrote a draft of a task form to
 * localStorage ({@code camunda-form:<taskId>}) on Save and again when the session expired, and left it there
 * after logout: for the informed-consent form, the person's name, birth date, phone, address and passport
 * number in plain text. Each test fills the consent form's personal section with a marker of its own in
 * headless Chromium, takes the path that used to store it, and reads every key and value of localStorage and
 * sessionStorage.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserStorageOfFormsInTheBrowserTest {

  private static final Map<String, String> DEMO_USER_OF = Map.of("mdt-chisinau", "mdt.chisinau",
      "interaction", "interaction.operator", "iom", "iom.officer", "la-strada", "lastrada.caseworker");
  private static final List<String> DRAFT_PREFIXES = List.of("camunda-form:", "camForm:");

  private final ObjectMapper json = new ObjectMapper();
  private PlatformNode node;
  private ProcessEngine engine;
  private PlatformHttp http;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-browser-storage;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
    http = node.http();
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
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
  void savingTheConsentFormWithThePersonsDetailsKeepsNothingInTheBrowser() {
    String marker = marker();
    openConsentTaskAndFillThePersonsDetails(marker);
    browser.screenshot("bs-01-consent-form-filled");

    WebElement save = browser.driver().findElement(By.cssSelector(".form-actions button[ng-click='save($event)']"));
    if (save.isDisplayed()) {
      browser.click(By.cssSelector(".form-actions button[ng-click='save($event)']"));
    }
    // Tasklist's save handler is still in its code: run it as the button would, shown or not
    js("arguments[0].click();", save);

    assertThat(storage()).as("localStorage and sessionStorage after Save")
        .noneMatch(entry -> entry.contains(marker))
        .noneMatch(BrowserStorageOfFormsInTheBrowserTest::isDraft);
    assertThat(save.isDisplayed()).as("Save, which only kept a draft in the browser, is not offered").isFalse();
    assertThat(browser.driver().findElement(By.cssSelector("[ng-click='complete()']")).isDisplayed())
        .as("Complete is still there").isTrue();
  }

  @Test
  void loggingOutAfterFillingTheConsentFormLeavesNoDraftInTheBrowser() {
    String marker = marker();
    openConsentTaskAndFillThePersonsDetails(marker);
    WebElement save = browser.driver().findElement(By.cssSelector(".form-actions button[ng-click='save($event)']"));
    js("arguments[0].click();", save);

    browser.click(By.cssSelector("li.account .dropdown-toggle"));
    browser.click(By.cssSelector("li.logout a"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
    browser.waitFor(By.cssSelector("input[type='password']"));
    browser.screenshot("bs-02-logged-out");

    assertThat(storage()).as("localStorage and sessionStorage after logout")
        .noneMatch(entry -> entry.contains(marker))
        .noneMatch(BrowserStorageOfFormsInTheBrowserTest::isDraft);
  }

  @Test
  void aSessionThatExpiresWhileTheConsentFormIsFilledLeavesNothingInTheBrowser() throws Exception {
    String marker = marker();
    openConsentTaskAndFillThePersonsDetails(marker);

    expireEverySessionOnTheServer();
    // the caseworker comes back and clicks another filter: Tasklist learns that the session is gone
    browser.click(By.cssSelector(".task-filters .task-filter h4 a"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
    browser.waitFor(By.cssSelector("input[type='password']"));
    browser.screenshot("bs-03-session-expired");

    assertThat(storage()).as("localStorage and sessionStorage after the session expired")
        .noneMatch(entry -> entry.contains(marker))
        .noneMatch(BrowserStorageOfFormsInTheBrowserTest::isDraft);
  }

  @Test
  void loggingOutOfCockpitClearsADraftThatAnEarlierPageLeftInTheBrowser() {
    // a draft left before this release, by a page without the script: only the server's answer removes it
    String marker = marker();
    browser = as("cockpit", "nrs.manager");
    browser.waitFor(By.cssSelector("li.account .dropdown-toggle"));
    js("localStorage.setItem('camunda-form:left-behind', JSON.stringify({personGivenName: arguments[0]}));"
        + "sessionStorage.setItem('camForm:left-behind', JSON.stringify({vars: {personPhone: arguments[0]}}));", marker);
    assertThat(storage()).as("planted").anyMatch(entry -> entry.contains(marker));

    browser.click(By.cssSelector("li.account .dropdown-toggle"));
    browser.click(By.cssSelector("li.logout a"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
    browser.waitFor(By.cssSelector("input[type='password']"));

    assertThat(storage()).as("localStorage and sessionStorage after logout")
        .noneMatch(entry -> entry.contains(marker))
        .noneMatch(BrowserStorageOfFormsInTheBrowserTest::isDraft);
  }

  // --- the case up to its informed-consent task, opened in Tasklist by the responsible team

  private void openConsentTaskAndFillThePersonsDetails(String marker) {
    Task consent = consentTaskOfANewCase();
    browser = as("tasklist", teamMemberFor(consent));
    browser.go("/camunda/app/tasklist/default/#/?task=" + consent.getId());
    browser.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.settle();
    String form = NrsCaseProcess.FORM_CONSENT;
    browser.tick("Field_InformationGiven", null);
    browser.tick("Field_ConsentToAssistance", browser.index(form, "Field_ConsentToAssistance", "given"));
    browser.type("Field_PersonGivenName", "Zorina " + marker);
    browser.type("Field_PersonFamilyName", "Plamadeala " + marker);
    browser.date("Field_PersonDateOfBirth", LocalDate.of(1999, 3, 17));
    browser.type("Field_PersonPhone", "+37369123456");
    browser.type("Field_PersonAddress", "str. Independentei 12, Balti " + marker);
    browser.type("Field_PersonDocumentNumber", "AB" + marker);
    browser.settle();
    assertThat(formValue("Field_PersonGivenName")).as("the form holds what was typed").contains(marker);
  }

  private Task consentTaskOfANewCase() {
    Map<String, Object> referral = FormSubmission.of(new RegisterReferralForm("hotline-la-strada", "moldova", null,
        "trafficking", "18+", false, "female", false, "Called the hotline after returning from seasonal work"));
    Response started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("lastrada.caseworker", Browser.DEMO_PASSWORD), formSubmission(referral));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String instance;
    try {
      instance = json.readTree(started.body()).get("id").asText();
    } catch (Exception e) {
      throw new AssertionError(started.toString(), e);
    }
    Task identification = task(instance, Elements.IDENTIFICATION);
    Response identified = http.post("/engine-rest/task/" + identification.getId() + "/submit-form",
        basic(teamMemberFor(identification), Browser.DEMO_PASSWORD), formSubmission(FormSubmission.of(
            new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"), "presumed-victim",
                null, null))));
    assertThat(identified.status()).as(identified.toString()).isEqualTo(204);
    return task(instance, Elements.CONSENT);
  }

  private Task task(String instance, String element) {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(element)
          .singleResult();
      if (task != null) {
        return task;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(element + " not open after 60 s");
  }

  private String teamMemberFor(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    assertThat(groups).hasSize(1);
    return DEMO_USER_OF.get(groups.get(0));
  }


  // --- the browser and the server

  private Browser as(String app, String user) {
    Browser opened = Browser.open(node.port());
    try {
      return opened.login(app, user, Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close();
      throw e;
    }
  }

  /** Every entry of localStorage and sessionStorage as "local:key=value" / "session:key=value". */
  @SuppressWarnings("unchecked")
  private List<String> storage() {
    return (List<String>) js("const entries = [];"
        + "for (const [name, storage] of [['local', localStorage], ['session', sessionStorage]]) {"
        + "  for (let i = 0; i < storage.length; i++) {"
        + "    const key = storage.key(i); entries.push(name + ':' + key + '=' + storage.getItem(key));"
        + "  }"
        + "}"
        + "return entries;");
  }

  private static boolean isDraft(String entry) {
    String key = entry.substring(entry.indexOf(':') + 1);
    return DRAFT_PREFIXES.stream().anyMatch(key::startsWith);
  }

  private String formValue(String componentId) {
    return browser.driver().findElement(By.cssSelector("[id$='-" + componentId + "']")).getDomProperty("value");
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  /** Ends every web session on the server, as its idle timeout would: the browser still holds the cookie. */
  private void expireEverySessionOnTheServer() throws Exception {
    assertThat(WebSessionExpiry.expireAll(node.bean(ServletContext.class))).as("the browser's session was there to expire")
        .isPositive();
  }

  private static String marker() {
    return "BSM" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
  }
}
