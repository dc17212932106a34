package md.nrs.referral.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.UserLanguages;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.PlatformNode;
import md.nrs.referral.testing.RequiresBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * A caseworker whose browser is set to English chooses Russian in Tasklist's own user menu: the choice is
 * stored as their language (PUT /api/me/language with Tasklist's session and CSRF token), Tasklist starts again
 * in Russian — menus, filters, the start list and a form — and "As the browser is set" brings English back.
 * Screenshots: target/browser-screenshots/language-picker-*.png.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagePickerInTheBrowserTest {

  private static final String USER = "womens.caseworker";

  private PlatformNode node;
  private Browser browser;

  @BeforeAll
  void startThePlatform() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-browser-picker;DB_CLOSE_DELAY=-1"));
    languages().set(USER, Optional.empty());
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
  void aCaseworkerSwitchesTasklistToRussianFromTheUserMenuAndBackToTheBrowsersLanguage() {
    Map<String, String> russian = translations("ru");
    Map<String, String> english = translations("en");
    browser = Browser.open(node.port(), "en-GB");
    browser.login("tasklist", USER, Browser.DEMO_PASSWORD);
    browser.waitForText(english.get("filter.overdue.name"));

    openTheUserMenu();
    browser.waitFor(By.cssSelector("li.nrs-language[data-language='ru'] a"));
    browser.screenshot("language-picker-01-menu-in-english");
    assertThat(menuText()).contains("Language", "Română", "Русский", "English", "As the browser is set");
    browser.click(By.cssSelector("li.nrs-language[data-language='ru'] a"));

    browser.waitForText(russian.get("filter.overdue.name"));
    browser.settle();
    assertThat(languages().of(USER)).as("stored as the user's language").contains(Language.RU);
    String list = browser.bodyText();
    for (String filter : List.of("my-tasks", "my-agency", "unassigned-in-my-agency", "due-today", "overdue")) {
      assertThat(list).as(filter).contains(russian.get("filter." + filter + ".name"));
    }
    assertThat(list).doesNotContain("My tasks", "Unassigned in my agency", "Due today");

    browser.click(By.cssSelector("li.start-process-action a"));
    browser.waitForText(russian.get("process.nrs-case"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + russian.get("process.nrs-case") + "']"));
    browser.waitForText(russian.get("form.register-referral.channel.label"));
    browser.settle();
    browser.screenshot("language-picker-02-tasklist-and-form-in-russian");
    assertThat(browser.driver().findElement(By.cssSelector(".modal")).getText())
        .contains(russian.get("form.register-referral.category.label"), russian.get("formjs.select"))
        .doesNotContain("Referred by", "Select");
    browser.go("/camunda/app/tasklist/default/"); // a fresh visit closes the dialog; the language stays

    browser.waitForText(russian.get("filter.overdue.name"));
    browser.settle();
    openTheUserMenu();
    browser.waitFor(By.cssSelector("li.nrs-language[data-language='browser'] a"));
    assertThat(menuText()).contains(russian.get("tasklist.language.menu"), "✓ Русский",
        russian.get("tasklist.language.browser"));
    browser.screenshot("language-picker-03-menu-in-russian");
    browser.click(By.cssSelector("li.nrs-language[data-language='browser'] a"));

    browser.waitForText(english.get("filter.overdue.name"));
    assertThat(languages().of(USER)).as("the browser's language counts again").isEmpty();
    assertThat(browser.bodyText()).contains("My tasks").doesNotContain(russian.get("filter.my-tasks.name"));
    browser.screenshot("language-picker-04-back-in-english");
  }

  private void openTheUserMenu() {
    browser.click(By.cssSelector("li.account a.dropdown-toggle"));
  }

  private String menuText() {
    return browser.driver().findElement(By.cssSelector("li.account .dropdown-menu")).getText();
  }

  private UserLanguages languages() {
    return node.bean(UserLanguages.class);
  }

  private static Map<String, String> translations(String language) {
    try (InputStream in = LanguagePickerInTheBrowserTest.class.getResourceAsStream("/forms/i18n/" + language + ".json")) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
