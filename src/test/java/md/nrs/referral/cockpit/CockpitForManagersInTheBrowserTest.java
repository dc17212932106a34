package md.nrs.referral.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Cockpit as the manager ({@code nrs.manager}) reads it, in headless Chromium: the bottleneck panel first on the
 * dashboard under its own title, the step with the most overdue cases first and in the warning colour, no
 * button that would change a case, and no note typed by the case's team. Screenshots in
 * {@code target/browser-screenshots/cockpit-*.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitForManagersInTheBrowserTest {

  /** The warning colour of an overdue step (plugin.css, .nrs-status-overdue). */
  private static final String WARNING = "rgba(192, 57, 43, 1)";

  private PlatformNode node;
  private Browser browser;
  private ProcessInstance interviewed;

  @BeforeAll
  void casesWaitingSomeOverdue() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-cockpit-browser;DB_CLOSE_DELAY=-1"));
    ManagersCases cases = new ManagersCases(node.engine());
    cases.overdue(cases.refer(), Duration.ofDays(2));
    cases.overdue(cases.refer(), Duration.ofHours(5));
    cases.refer();
    interviewed = cases.refer();
    cases.interview(interviewed);
    browser = Browser.open(node.port());
    try {
      browser.login("cockpit", "nrs.manager", Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot("cockpit-login-failed");
      System.out.println("COCKPIT LOGIN FAILED at " + browser.driver().getCurrentUrl() + "; page: "
          + browser.driver().getPageSource().substring(0, Math.min(3000, browser.driver().getPageSource().length())));
      throw e;
    }
  }

  @AfterAll
  void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void theBottleneckPanelComesFirstUnderItsTitleWithTheMostOverdueStepFirstInTheWarningColour() {
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    WebElement title = browser.waitFor(By.cssSelector(".nrs-bottlenecks-panel h1.section-title"));
    WebElement first = browser.waitFor(By.cssSelector(".nrs-bottlenecks-panel tr.nrs-analytics-row"));
    browser.settle();
    browser.moveAway();
    browser.screenshot("cockpit-manager-dashboard");

    assertThat(title.getText()).isEqualTo("Bottlenecks: steps against their time limits");
    assertThat((Boolean) js("return document.querySelector('.dashboard .sections > div').firstElementChild"
        + ".classList.contains('nrs-bottlenecks-panel')")).as("the panel is the dashboard's first section").isTrue();
    assertThat(title.getLocation().getY()).as("above the fold").isLessThan(400);
    assertThat(browser.bodyText()).doesNotContain("Custom Plugins");
    assertThat(first.getDomAttribute("data-step")).isEqualTo(NrsCaseProcess.Elements.IDENTIFICATION);
    assertThat(first.getDomAttribute("data-status")).isEqualTo("overdue");
    WebElement badge = first.findElement(By.cssSelector(".nrs-badge"));
    assertThat(badge.getCssValue("background-color")).isEqualTo(WARNING);
    assertThat(badge.getText()).isEqualTo("Overdue");
    assertThat(badge.getSize().getHeight()).as("readable at 100%").isGreaterThanOrEqualTo(16);
    assertThat(first.getText()).contains("multidisciplinary team, Chisinau").doesNotContain("mdt-chisinau");
    List<WebElement> onTime = browser.driver().findElements(By.cssSelector(
        "tr.nrs-analytics-row[data-step='" + NrsCaseProcess.Elements.CONSENT + "'] .nrs-badge"));
    assertThat(onTime).as("the consent step, within its limit").isNotEmpty();
    assertThat(onTime.get(0).getCssValue("background-color")).isNotEqualTo(WARNING);
  }

  @Test
  void theCasePageOffersNoChangingControlAndShowsNoFreeTextNote() {
    browser.go("/camunda/app/cockpit/default/#/process-instance/" + interviewed.getId() + "/runtime?tab=variables-tab");
    browser.waitForText("victimStatus");
    browser.settle();
    browser.moveAway();
    browser.screenshot("cockpit-manager-variables");

    assertThat(browser.bodyText()).doesNotContain(ManagersCases.NOTE).doesNotContain("interviewNote");
    assertThat((Boolean) js("return document.documentElement.classList.contains('nrs-read-only')"))
        .as("the page is marked read-only for the manager").isTrue();
    // what Cockpit 7.24 renders: the toolbar's cancel, suspend, add-variable and retry buttons, the Variables
    // table's edit/delete column
    assertThat(browser.driver().findElements(By.cssSelector(".ctn-toolbar .btn, .cam-table td.actions")))
        .as("Cockpit renders the changing controls (else this proves nothing), hidden").hasSizeGreaterThan(4)
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.driver().findElements(By.cssSelector(".glyphicon-pencil, .glyphicon-trash, .glyphicon-pause")))
        .as("no edit, delete or suspend icon is shown").noneMatch(WebElement::isDisplayed);
  }

  @Test
  void theProcessPageShowsReadableBadgesAndALegendThatCoversNothing() {
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + interviewed.getProcessDefinitionId() + "/runtime");
    WebElement overdue = browser.waitFor(By.cssSelector(".nrs-analytics-badge[data-status='overdue']"));
    browser.settle();
    browser.moveAway();
    browser.screenshot("cockpit-manager-diagram");

    WebElement legend = browser.waitFor(By.cssSelector(".nrs-analytics-panel"));
    WebElement canvas = browser.driver().findElement(By.cssSelector(".nrs-analytics-canvas"));
    assertThat(legend.getLocation().getY() + legend.getSize().getHeight())
        .as("the legend ends where the diagram begins").isLessThanOrEqualTo(canvas.getLocation().getY() + 1);
    assertThat(overdue.getCssValue("background-color")).isEqualTo(WARNING);
    assertThat(overdue.getSize().getHeight()).as("readable at the fitted zoom").isGreaterThanOrEqualTo(18);
    assertThat(overdue.getText()).isEqualTo("3 waiting · 2 overdue");
    assertThat(browser.driver().findElements(By.cssSelector(".nrs-analytics-badge[data-status='on-time']")))
        .as("the consent step's badge, next to the interview's").singleElement().matches(WebElement::isDisplayed);
    assertThat(js("const r = Array.from(document.querySelectorAll('.nrs-analytics-badge')).map(b => b.getBoundingClientRect());"
        + "return r.filter((a, i) => r.some((b, j) => i !== j && a.left < b.right && b.left < a.right"
        + " && a.top < b.bottom && b.top < a.bottom)).length")).as("badges covering each other").isEqualTo(0L);
    assertThat(browser.driver().findElements(By.cssSelector(".ctn-toolbar .btn")))
        .as("no suspend or job-priority button for the manager").isNotEmpty().noneMatch(WebElement::isDisplayed);
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }
}
