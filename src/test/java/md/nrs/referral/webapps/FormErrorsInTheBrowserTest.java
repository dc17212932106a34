package md.nrs.referral.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.Browser;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Errors where the eye is, forms that fit, no dead end (issue 20, items 4, 5 and 7), in Chromium set to Romanian
 * (ro-RO) on a 1280×800 laptop: the server's 400 is shown at the field and next to the Start button by the field's
 * label; no label of the start form is cut off; a disabled button says why; Escape in a drop-down list keeps the
 * filled form; another agency's task opened by its address gets the platform's page; the header names the role and
 * agency from the groups. Prints the timings of the first Tasklist page and of a form submit. Screenshots in
 * {@code target/browser-screenshots/form-errors-*.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormErrorsInTheBrowserTest {

  private static final String FORM = NrsCaseProcess.FORM_REGISTER_REFERRAL;
  private static final By START = By.cssSelector(".modal button[ng-click='startProcessInstance()']");

  private final Map<String, String> romanian = translations("ro");
  private PlatformNode node;
  private ProcessEngine engine;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-form-errors-browser;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
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
  @Order(1)
  void theStartFormFitsALaptopWithoutACutLabelAndTheStartButtonSaysWhyItIsDisabled() {
    long started = System.nanoTime();
    browser = caseworkerInRomanian(1280, 800);
    browser.waitFor(By.cssSelector("li.start-process-action"));
    browser.settle();
    System.out.printf("TIMING first Tasklist page: %d ms (platform just started; login to the task list shown)%n", millisSince(started));
    openTheStartForm();

    assertThat(cutLabels()).as("labels cut off at 1280×800").isEmpty();
    WebElement danger = label("Field_ImmediateDanger");
    assertThat(danger.getText()).startsWith(romanian.get("form.register-referral.immediateDanger.label"));
    browser.scrollTo(danger);
    browser.screenshot("form-errors-start-form-1280x800");

    // Start on the empty form: form-js marks the required fields and Tasklist disables Start; the reason is beside it
    browser.click(START);
    WebElement reason = browser.waitFor(By.cssSelector(".modal-footer .nrs-disabled-reason"));
    assertThat(browser.driver().findElement(START).isEnabled()).isFalse();
    assertThat(reason.getText()).as("why Start is disabled")
        .startsWith(tasklistWord("disabled-invalid").replace(": {fields}", ""))
        .contains(romanian.get("form.register-referral.channel.label"))
        .doesNotContain(romanian.get("form.register-referral.Group_Referral.label") + ",");
    browser.scrollTo(reason);
    browser.screenshot("form-errors-start-disabled-says-why");

    browser.driver().manage().window().setSize(new Dimension(1366, 768));
    browser.waitUntil(d -> cutLabels().isEmpty());
    browser.screenshot("form-errors-start-form-1366");
  }

  @Test
  @Order(2)
  void theServersRefusalIsShownAtTheFieldAndNextToTheStartButtonByItsLabel() {
    browser = caseworkerInRomanian(1280, 800);
    openTheStartForm();
    fillAReferral();
    // an adult marked as a child: form-js cannot know the two disagree, the server does (400 naming "minor")
    browser.tick("Field_Minor", null);
    long submitted = System.nanoTime();
    browser.click(START);
    WebElement summary = browser.waitFor(By.cssSelector(".modal-footer .nrs-error-summary"));
    System.out.printf("TIMING form submit: %d ms (refused by the server; click to the errors shown)%n", millisSince(submitted));
    String minorLabel = romanian.get("form.register-referral.minor.label");
    assertThat(summary.getText()).contains(minorLabel).doesNotContain("minor:").doesNotContain("register-referral");

    WebElement field = label("Field_Minor").findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    assertThat(field.getDomAttribute("class")).contains("nrs-field-invalid");
    String atTheField = field.findElement(By.cssSelector(".nrs-field-error")).getText();
    assertThat(atTheField).isNotBlank().isEqualTo(
        romanian.get("validation.must-agree-with-the-age-band-tick-it-for-0-17-years-not-for-18-or-older"));
    assertThat(summary.getText()).contains(atTheField);

    // nothing covers the button: Tasklist's own notification of the refusal is not shown over it
    WebElement start = browser.driver().findElement(START);
    browser.scrollTo(start);
    assertThat(topmostAtCentreOf(start)).as("what is on top of the Start button").isTrue();
    assertThat(browser.driver().findElements(By.cssSelector(".modal .alert:not(.nrs-error-summary)")))
        .noneMatch(WebElement::isDisplayed);
    browser.scrollTo(start);
    browser.moveAway();
    browser.screenshot("form-errors-400-at-the-field-and-next-to-start");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count())
        .as("nothing started").isZero();

    // correcting the field clears its mark; then the referral goes through
    browser.tick("Field_Minor", null);
    browser.waitUntil(d -> d.findElements(By.cssSelector(".nrs-field-invalid, .nrs-error-summary")).isEmpty());
    submitted = System.nanoTime();
    browser.click(START);
    browser.waitUntil(d -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .count() == 1);
    browser.waitUntil(d -> d.findElements(By.cssSelector(".modal .fjs-container")).isEmpty());
    System.out.printf("TIMING form submit: %d ms (accepted; click to the dialog closed)%n", millisSince(submitted));
  }

  @Test
  @Order(3)
  void escapeInADropDownListKeepsTheFilledFormAndEscapeBesideItAsksFirst() {
    browser = caseworkerInRomanian(1280, 800);
    openTheStartForm();
    fillAReferralUpToTheAgeBand();
    browser.type("Field_ReferralSummary", "Referire de test");
    // the age band's list open, everything else filled: Escape closed the whole dialog and lost it all
    openTheListOf("Field_AgeBand");
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().noneMatch(WebElement::isDisplayed));
    assertThat(browser.driver().findElements(By.cssSelector(".modal .fjs-container"))).as("the dialog stays").isNotEmpty();
    assertThat(browser.driver().findElement(By.cssSelector("[id$='-Field_ReferralSummary']")).getDomProperty("value"))
        .isEqualTo("Referire de test");

    // Escape outside a list, with the form filled: the dialog asks in itself (the page may not open a browser dialog)
    browser.driver().findElement(By.cssSelector(".modal-header")).click();
    browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    WebElement question = browser.waitFor(By.cssSelector(".modal-footer .nrs-discard-question"));
    assertThat(question.getText()).contains(tasklistWord("confirm-discard"), tasklistWord("discard"), tasklistWord("keep"));
    browser.scrollTo(question);
    browser.screenshot("form-errors-escape-asks-first");
    browser.click(By.cssSelector(".nrs-keep"));
    assertThat(browser.driver().findElements(By.cssSelector(".modal .fjs-container"))).as("kept when the user says so").isNotEmpty();
    assertThat(browser.driver().findElement(By.cssSelector("[id$='-Field_ReferralSummary']")).getDomProperty("value"))
        .isEqualTo("Referire de test");
    // Close asks too; "close without sending" closes
    browser.click(By.cssSelector(".modal-footer button[ng-click='$dismiss()']"));
    browser.click(By.cssSelector(".nrs-discard"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".modal .fjs-container")).isEmpty());
  }

  @Test
  @Order(4)
  void anotherAgencysTaskOpenedByItsAddressSaysItIsNotTheUsersAndLeadsBack() {
    Task identification = engine.getTaskService().createTaskQuery().taskDefinitionKey(NrsCaseProcess.Elements.IDENTIFICATION)
        .singleResult();
    assertThat(identification).as("the referral of step 2 reached the team").isNotNull();
    browser = caseworkerInRomanian(1280, 800);
    browser.go("/camunda/app/tasklist/default/#/?task=" + identification.getId());
    WebElement page = browser.waitFor(By.cssSelector(".nrs-task-refused"));
    assertThat(page.getText()).contains("NRS Referral Platform", tasklistWord("task-refused-title"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".column-right .alert")).stream()
        .filter(alert -> alert.findElements(By.xpath("ancestor::section[contains(@class,'nrs-task-refused')]")).isEmpty())
        .noneMatch(WebElement::isDisplayed));
    assertThat(browser.bodyText()).doesNotContain(TasklistLabels.of("ro").get("TASK_NOT_EXIST"))
        .doesNotContain("Identification interview");
    browser.moveAway();
    browser.screenshot("form-errors-other-agencys-task");
    browser.click(By.cssSelector(".nrs-task-refused-back"));
    browser.waitUntil(d -> !d.getCurrentUrl().contains("task="));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".nrs-task-refused")).isEmpty());
  }

  @Test
  @Order(5)
  void theHeaderNamesThePersonWithTheRoleAndAgencyOfTheirGroupsAndTheListShowsNoPriority() {
    browser = caseworkerInRomanian(1280, 800);
    WebElement account = browser.waitFor(By.cssSelector("li.account .dropdown-toggle"));
    browser.waitUntil(d -> !account.findElements(By.cssSelector(".nrs-who")).isEmpty()
        && !account.findElement(By.cssSelector(".nrs-who")).getText().isBlank());
    assertThat(account.getText()).contains("Ana Rusu", tasklistWord("role.caseworkers"), "La Strada")
        .doesNotContain("Caseworker,");
    browser.click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),"
        + "'" + translations("ro").get("filter.my-agency.name") + "')]"));
    browser.settle();
    assertThat(browser.driver().findElements(By.cssSelector(".tasks-list .task .priority"))).noneMatch(WebElement::isDisplayed);
    assertThat(browser.bodyText()).doesNotContain("Powered by").doesNotContain("Funcționează cu")
        .contains(tasklistWord("footer"));
    browser.moveAway();
    browser.screenshot("form-errors-header-role-and-agency");
  }

  // --- steps

  private Browser caseworkerInRomanian(int width, int height) {
    Browser opened = Browser.open(node.port(), "ro-RO");
    try {
      opened.driver().manage().window().setSize(new Dimension(width, height));
      return opened.login("tasklist", "lastrada.caseworker", Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close();
      throw e;
    }
  }

  private void openTheStartForm() {
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()="
        + "'" + romanian.getOrDefault("process.nrs-case", "NRS case") + "']"));
    browser.waitFor(By.cssSelector(".modal .fjs-form"));
    browser.settle();
  }

  private void fillAReferral() {
    fillAReferralUpToTheAgeBand();
    browser.select("Field_AgeBand", Browser.optionLabel(FORM, "Field_AgeBand", "18+", "ro"));
    browser.type("Field_ReferralSummary", "Referire de test");
  }

  /** Opens a select's list with a click on the box that shows the choice, as a mouse user does; waits for its items. */
  private void openTheListOf(String componentId) {
    browser.click(By.cssSelector("[id$='-" + componentId + "-display']"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().anyMatch(WebElement::isDisplayed));
  }

  private void fillAReferralUpToTheAgeBand() {
    browser.select("Field_Channel", Browser.optionLabel(FORM, "Field_Channel", "ngo", "ro"));
    browser.select("Field_Category", Browser.optionLabel(FORM, "Field_Category", "trafficking", "ro"));
    browser.tick("Field_Location", browser.index(FORM, "Field_Location", "moldova"));
    browser.tick("Field_Sex", browser.index(FORM, "Field_Sex", "female"));
  }

  private WebElement label(String componentId) {
    return browser.waitFor(By.cssSelector(".modal label[for$='-" + componentId + "']"));
  }

  /** The visible labels of the form whose text is wider than their box (scrollWidth > clientWidth). */
  @SuppressWarnings("unchecked")
  private List<String> cutLabels() {
    return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
        "return [...document.querySelectorAll('.fjs-container label, .fjs-container .fjs-form-field-label')]"
            + ".filter(l => l.offsetParent !== null && l.scrollWidth > l.clientWidth)"
            + ".map(l => l.textContent.trim() + ' (' + l.scrollWidth + ' > ' + l.clientWidth + ')');");
  }

  private boolean topmostAtCentreOf(WebElement element) {
    return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + "return top === arguments[0] || arguments[0].contains(top);", element);
  }

  private String tasklistWord(String key) {
    return romanian.get("tasklist." + key);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static Map<String, String> translations(String language) {
    try (InputStream in = FormErrorsInTheBrowserTest.class.getResourceAsStream("/forms/i18n/" + language + ".json")) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
