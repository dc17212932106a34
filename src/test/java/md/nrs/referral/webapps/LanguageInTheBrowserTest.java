package md.nrs.referral.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.hotline.HotlineCallProcess;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every word a caseworker reads, in Romanian and in Russian (issue 19), in headless Chromium set to ro-RO
 * and then ru-RU: the filter names, the start-process list, the register-referral form with form-js's
 * own words, the server's 400 for a bad submission, the task name and the identification form; and a
 * trustline call recorded entirely in Russian. Screenshots: target/browser-screenshots/i18n-*.png.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageInTheBrowserTest {

  private static final Map<String, String> DEMO_USER_OF = Map.of(
      "la-strada", "lastrada.caseworker", "cap-chisinau", "cap.caseworker", "interaction", "interaction.operator",
      "cctp", "cctp.officer", "iom", "iom.officer", "mdt-chisinau", "mdt.chisinau",
      "guardianship-chisinau", "guardianship.chisinau", "community-social-workers", "social.worker",
      "nrs-coordinators", "nrs.coordinator");
  /** Names that stay as they are in every language. */
  private static final Pattern NAMES = Pattern.compile("La Strada|Interaction|SOS|NRS-[\\w-]+");

  private PlatformNode node;
  private ProcessEngine engine;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-browser-i18n;DB_CLOSE_DELAY=-1"));
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

  @ParameterizedTest
  @ValueSource(strings = {"ru-RU", "ro-RO"})
  void aCaseworkerRegistersAReferralAndReadsEveryWordInTheirLanguage(String locale) {
    String language = locale.substring(0, 2);
    Map<String, String> words = translations(language);
    String form = NrsCaseProcess.FORM_REGISTER_REFERRAL;
    long casesBefore = cases();

    browser = Browser.open(node.port(), locale);
    browser.login("tasklist", "lastrada.caseworker", Browser.DEMO_PASSWORD);
    browser.waitForText(words.get("filter.overdue.name"));
    browser.settle();
    browser.screenshot("i18n-" + language + "-01-filters");
    String list = browser.bodyText();
    for (String filter : List.of("my-tasks", "my-agency", "unassigned-in-my-agency", "due-today", "overdue")) {
      assertThat(list).as(filter).contains(words.get("filter." + filter + ".name"));
    }
    assertThat(list).doesNotContain("My tasks", "Unassigned in my agency", "Due today");

    browser.click(By.cssSelector("li.start-process-action a"));
    browser.waitForText(words.get("process.nrs-case"));
    browser.settle();
    browser.screenshot("i18n-" + language + "-02-start-process-list");
    assertThat(modalText()).contains(words.get("process.nrs-case"), words.get("process.hotline-call"))
        .doesNotContain("NRS case", "Hotline / trustline call");

    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + words.get("process.nrs-case") + "']"));
    browser.waitForText(words.get("form.register-referral.channel.label"));
    browser.settle();
    assertThat(modalText()).contains(words.get("form.register-referral.category.label"),
        words.get("form.register-referral.location.value.transnistria"), words.get("formjs.select"))
        .doesNotContain("Select", "Referred by");
    browser.screenshot("i18n-" + language + "-03-register-referral-form");

    // a child's age band without ticking "child": only the server knows that rule
    browser.select("Field_Channel", Browser.optionLabel(form, "Field_Channel", "trustline-interaction", language));
    browser.select("Field_Category", Browser.optionLabel(form, "Field_Category", "trafficking", language));
    browser.tick("Field_Location", browser.index(form, "Field_Location", "transnistria"));
    browser.tick("Field_Sex", browser.index(form, "Field_Sex", "female"));
    browser.select("Field_AgeBand", Browser.optionLabel(form, "Field_AgeBand", "7-17", language));
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));
    String refusal = words.get("form.register-referral.minor.label") + ": "
        + words.get("validation.must-agree-with-the-age-band-tick-it-for-0-17-years-not-for-18-or-older");
    browser.waitForText(refusal);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelectorAll('.modal, .modal-body').forEach(e => e.scrollTop = 0)");
    browser.screenshot("i18n-" + language + "-04-server-refusal");
    assertThat(browser.bodyText()).doesNotContain("must agree with the age band");
    assertThat(cases()).as("nothing started").isEqualTo(casesBefore);

    browser.closeNotifications();
    browser.tick("Field_Minor", null);
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));
    browser.waitUntil(d -> cases() == casesBefore + 1);
    browser.close();
    browser = null;

    Task identification = waitForIdentification();
    browser = Browser.open(node.port(), locale);
    browser.login("tasklist", teamMemberFor(identification), Browser.DEMO_PASSWORD);
    browser.go("/camunda/app/tasklist/default/#/?task=" + identification.getId());
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.waitForText(words.get("form.identification-interview.victimStatus.label"));
    browser.settle();
    browser.screenshot("i18n-" + language + "-05-identification-task");
    String task = browser.bodyText();
    assertThat(task).contains(words.get("task.nrs-case.UserTask_IdentificationInterview"),
        words.get("form.identification-interview.victimStatus.value.presumed-victim"),
        words.get("form.identification-interview.formsOfExploitation.value.labour"))
        .doesNotContain("Identification interview", "NRS case");

    // the date picker: the language's months and weekdays, Monday first (the form opens once the task is claimed)
    browser.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".tasks-list .task")).stream()
        .anyMatch(row -> row.getText().contains(words.get("task.nrs-case.UserTask_IdentificationInterview"))));
    browser.settle();
    browser.screenshot("i18n-" + language + "-06-task-list");
    assertThat(browser.driver().findElement(By.cssSelector(".tasks-list")).getText())
        .contains(words.get("process.nrs-case")).doesNotContain("Identification interview", "NRS case")
        .as("due and created words in the language").doesNotContainPattern("\\b(in \\d+ (hours?|days?)|ago|a few seconds)\\b");
    browser.click(By.cssSelector("[id$='-Field_InterviewedOn-date']"));
    browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
    browser.screenshot("i18n-" + language + "-07-date-picker");
    List<String> weekdays = browser.driver().findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"))
        .stream().map(WebElement::getText).map(String::trim).toList();
    List<String> expected = List.of(words.get("formjs.weekdays-short").split(","));
    assertThat(weekdays).as("Monday first").startsWith(expected.get(1), expected.get(2));
    String month = browser.driver().findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-month")).getText();
    assertThat(List.of(words.get("formjs.months").split(","))).anySatisfy(name -> assertThat(month).contains(name));
  }

  @Test
  void aTrustlineOperatorRecordsACallEntirelyInRussian() {
    Map<String, String> words = translations("ru");
    browser = Browser.open(node.port(), "ru-RU");
    browser.login("tasklist", "interaction.operator", Browser.DEMO_PASSWORD);
    browser.waitForText(words.get("filter.overdue.name"));
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.waitForText(words.get("process.hotline-call"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + words.get("process.hotline-call") + "']"));
    browser.waitForText(words.get("form.record-hotline-call.callLanguage.label"));
    browser.settle();
    List<String> labels = browser.driver().findElements(By.cssSelector(".modal .fjs-form label, .modal .fjs-form-field-label, "
        + ".modal .fjs-form-field-description, .modal .fjs-form-field-text, .modal .fjs-select-display"))
        .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    assertThat(labels).as("the hotline form's words").hasSizeGreaterThan(15)
        .allSatisfy(text -> assertThat(NAMES.matcher(text).replaceAll("")).as(text).doesNotContainPattern("[A-Za-z]"));
    browser.screenshot("i18n-ru-07-hotline-form");

    // form-js's own check, in Russian
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));
    browser.waitForText(words.get("formjs.field-required"));
    assertThat(modalText()).doesNotContain("Field is required.");
    browser.screenshot("i18n-ru-08-hotline-form-required");

    String form = HotlineCallProcess.FORM_RECORD_CALL;
    long calls = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HotlineCallProcess.KEY).count();
    browser.tick("Field_CallLanguage", browser.index(form, "Field_CallLanguage", "ru"));
    browser.select("Field_CallerType", Browser.optionLabel(form, "Field_CallerType", "relative-or-friend", "ru"));
    browser.select("Field_Region", Browser.optionLabel(form, "Field_Region", "transnistria", "ru"));
    browser.select("Field_Topic", Browser.optionLabel(form, "Field_Topic", "working-abroad", "ru"));
    browser.type("Field_CallSummary", "Спрашивали о предложении работы в Польше");
    browser.screenshot("i18n-ru-09-hotline-form-filled");
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));
    browser.waitUntil(d -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(HotlineCallProcess.KEY).count() == calls + 1);
  }

  private String modalText() {
    return browser.driver().findElement(By.cssSelector(".modal")).getText();
  }

  private long cases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY).count();
  }

  /** The newest case's identification task, once the engine has created it. */
  private Task waitForIdentification() {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      List<Task> open = engine.getTaskService().createTaskQuery().processDefinitionKey(NrsCaseProcess.KEY)
          .taskDefinitionKey(NrsCaseProcess.Elements.IDENTIFICATION).orderByTaskCreateTime().desc().list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no identification task after 60 s");
  }

  private String teamMemberFor(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    assertThat(groups).hasSize(1);
    return DEMO_USER_OF.get(groups.get(0));
  }

  private static Map<String, String> translations(String language) {
    try (InputStream in = LanguageInTheBrowserTest.class.getResourceAsStream("/forms/i18n/" + language + ".json")) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
