package md.nrs.referral.dependants;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static md.nrs.referral.testing.PlatformHttp.formSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Add a family member to a case" in a real browser (headless Chromium), as the demo users work: La Strada refers an
 * adult in Chisinau (over HTTP, as its caseworker); the MDT of Chisinau, responsible for the case, starts the form in
 * Tasklist, adds the child travelling with her and sees the child's own new case code, with Copy and a link to the
 * child's case page. Screenshots: {@code target/browser-screenshots/ad-00-form-filled.png}, {@code ad-01-child-case-code.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddDependantInTheBrowserTest {

  private PlatformNode node;
  private ProcessEngine engine;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-add-dependant-browser;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
  }

  @AfterEach
  void closeTheBrowser() throws Exception {
    if (browser != null) {
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(Browser.SCREENSHOTS.resolve("ad-child-case-code.html"), browser.driver().getPageSource());
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
  void theResponsibleTeamAddsTheChildInTasklistAndSeesTheChildsOwnCaseCode() throws Exception {
    String code = referredByLaStrada();
    browser = Browser.open(node.port(), "en").login("tasklist", "mdt.chisinau", Browser.DEMO_PASSWORD);
    browser.settle();
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Add a family member to a case']"));
    String form = AddDependantProcess.FORM_ADD_DEPENDANT;
    browser.type("Field_CaseCode", code);
    browser.tick("Field_Relation", browser.index(form, "Field_Relation", "child"));
    browser.select("Field_AgeBand", Browser.optionLabel(form, "Field_AgeBand", "3-6"));
    browser.tick("Field_Sex", browser.index(form, "Field_Sex", "male"));
    browser.settle();
    browser.screenshot("ad-00-form-filled");
    browser.click(By.cssSelector(".modal-footer button.btn-primary"));

    WebElement shown = browser.waitFor(By.id("nrs-new-case-code"));
    String child = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(AddDependantProcess.KEY)
        .singleResult().getBusinessKey();
    assertThat(child).isNotEqualTo(code);
    assertThat(shown.getText()).isEqualTo(child);
    assertThat(browser.bodyText()).contains("The family member's own case is opened");
    assertThat(browser.driver().findElement(By.cssSelector(".nrs-registered a.nrs-open-case")).getDomAttribute("href"))
        .isEqualTo("/nrs/case.html?code=" + child);
    ProcessInstance childCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(child).singleResult();
    assertThat(engine.getRuntimeService().getVariable(childCase.getId(), NrsCaseProcess.PATHWAY.name())).isEqualTo("child");
    browser.screenshot("ad-01-child-case-code");
  }

  /** An adult in Chisinau, referred by La Strada's caseworker: the MDT of Chisinau is responsible. */
  private String referredByLaStrada() throws Exception {
    PlatformHttp http = new PlatformHttp(node.port());
    var started = http.post("/engine-rest/process-definition/key/" + NrsCaseProcess.KEY + "/submit-form",
        basic("lastrada.caseworker", Browser.DEMO_PASSWORD), formSubmission(FormSubmission.of(new RegisterReferralForm(
            "hotline-la-strada", "moldova", null, "trafficking", "18+", false, "female", false, "Travels with her son"))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return new ObjectMapper().readTree(started.body()).path("businessKey").asText();
  }
}
