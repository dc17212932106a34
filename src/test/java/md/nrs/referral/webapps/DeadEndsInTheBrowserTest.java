package md.nrs.referral.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * No dead ends for a caseworker in a real browser: Cockpit's URL lands on the platform's own page with the way
 * back to Tasklist, Tasklist offers no "Create task", and the login and logout pages name the platform.
 * Screenshots in {@code target/browser-screenshots/deadends-*.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadEndsInTheBrowserTest {

  private PlatformNode node;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-dead-ends-browser;DB_CLOSE_DELAY=-1"));
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
  void aCaseworkerOpeningTheCockpitUrlLandsOnTheBrandedPageAndFindsTheWayBackToTasklist() {
    browser = caseworkerInTasklist();
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    browser.waitForText("Cockpit is for managers and policy staff");
    browser.screenshot("deadends-cockpit-refused");
    assertThat(browser.driver().getTitle()).startsWith("NRS Referral Platform");
    assertThat(browser.bodyText()).contains("Cockpit este pentru manageri", "Your work is in Tasklist")
        .doesNotContain("Whitelabel", "status=403");

    browser.click(By.linkText("Înapoi la Tasklist / Back to Tasklist"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
    browser.waitFor(By.cssSelector("li.start-process-action"));
    assertThat(browser.driver().getTitle()).isEqualTo("NRS Referral Platform Tasklist");
  }

  @Test
  void tasklistOffersACaseworkerNoCreateTask() {
    browser = caseworkerInTasklist();
    browser.waitFor(By.cssSelector("li.start-process-action"));
    browser.settle();
    browser.moveAway();
    browser.screenshot("deadends-tasklist-without-create-task");
    assertThat(browser.driver().findElements(By.cssSelector(".create-task-action")))
        .as("the Create task action is rendered by Tasklist (else this test proves nothing)").isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.bodyText()).doesNotContainIgnoringCase("Create task");
  }

  @Test
  void theLoginAndLogoutPagesNameThePlatform() {
    browser = Browser.open(node.port());
    browser.go("/camunda/app/tasklist/default/#/login");
    browser.waitFor(By.cssSelector("input[type='password']"));
    showsThePlatformNotCamunda();
    browser.screenshot("deadends-login-page");

    browser.login("tasklist", "lastrada.caseworker", Browser.DEMO_PASSWORD);
    browser.waitFor(By.cssSelector("li.start-process-action"));
    browser.click(By.cssSelector("li.account .dropdown-toggle"));
    browser.click(By.cssSelector("li.logout a"));
    browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
    browser.waitFor(By.cssSelector("input[type='password']"));
    showsThePlatformNotCamunda();
    browser.screenshot("deadends-logout-page");
  }

  @Test
  void theLoginPagesOfCockpitAndAdminNameThePlatformToo() {
    browser = Browser.open(node.port());
    for (String app : new String[] {"cockpit", "admin"}) {
      browser.go("/camunda/app/" + app + "/default/#/login");
      browser.waitFor(By.cssSelector("input[type='password']"));
      showsThePlatformNotCamunda();
      browser.screenshot("deadends-login-page-" + app);
    }
  }

  private void showsThePlatformNotCamunda() {
    WebElement brand = browser.waitFor(By.cssSelector(".nrs-login-brand"));
    assertThat(brand.getText()).contains("NRS Referral Platform", "Sistemul Național de Referire");
    assertThat(browser.driver().getTitle()).startsWith("NRS Referral Platform");
    assertThat(browser.driver().findElements(By.cssSelector(".login-logo")))
        .as("Camunda's logo is on the page (else this proves nothing) and hidden").isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
  }

  private Browser caseworkerInTasklist() {
    Browser opened = Browser.open(node.port());
    try {
      return opened.login("tasklist", "lastrada.caseworker", Browser.DEMO_PASSWORD);
    } catch (RuntimeException | AssertionError e) {
      opened.close();
      throw e;
    }
  }
}
