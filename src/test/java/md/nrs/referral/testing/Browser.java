package md.nrs.referral.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven through the system ChromeDriver. The driver's path is
 * given explicitly, so Selenium Manager is never asked to find (or download) a driver or a browser; the
 * browser runs with a fresh profile and without background networking, component updates or sync.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NRS_CHROMIUM", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("NRS_CHROMEDRIVER", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  public static final String DEMO_PASSWORD = "Demo#NRS-2026";
  /** How long a step waits for the page (generous: on a loaded CI machine the first page takes long). */
  private static final Duration WAIT = Duration.ofSeconds(Long.getLong("nrs.browser.wait-seconds", 90));

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  private Browser(ChromeDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** Why no browser can be started here, or null when Chromium and ChromeDriver are installed. */
  public static String unavailableReason() {
    if (!Files.isExecutable(CHROMIUM)) {
      return CHROMIUM + " not found (apt-get install chromium chromium-driver)";
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      return CHROMEDRIVER + " not found (apt-get install chromium-driver)";
    }
    return null;
  }

  /** A browser on the platform at this port, in English. */
  public static Browser open(int port) {
    return open(port, "en");
  }

  /** A browser on the platform at this port whose user interface language is {@code language}. */
  public static Browser open(int port, String language) {
    // Named explicitly so that neither the system property route nor Selenium Manager is consulted.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("nrs-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
          "--disable-sync", "--disable-default-apps", "--disable-extensions", "--window-size=1400,1000",
          "--user-data-dir=" + profile, "--lang=" + language);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      return new Browser(driver, profile, "http://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the platform (e.g. {@code /camunda/app/tasklist/default/}). */
  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /**
   * Logs in through the webapp's own login form, as a person would; a person whose login did not go
   * through tries again, and so does this, twice at most, printing what the page showed.
   */
  public Browser login(String app, String user, String password) {
    go("/camunda/app/" + app + "/default/#/login");
    for (int attempt = 1; ; attempt++) {
      // Typed keys can land in the wrong field while the login page is still being built (seen: the
      // password appended to the user name); so type until both fields hold what was typed, then log in.
      waitUntil(d -> {
        WebElement name = d.findElement(By.cssSelector("input[ng-model='username'], #inputUsername"));
        WebElement secret = d.findElement(By.cssSelector("input[type='password']"));
        if (!name.isDisplayed() || !secret.isDisplayed()) {
          return false;
        }
        name.clear();
        name.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        return user.equals(name.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
      });
      driver.findElement(By.cssSelector("form button[type='submit']")).click();
      try {
        new WebDriverWait(driver, attempt < 3 ? Duration.ofSeconds(20) : WAIT, Duration.ofMillis(200))
            .until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
      } catch (org.openqa.selenium.TimeoutException stillOnLogin) {
        screenshot("login-attempt-" + attempt + "-" + user);
        String page = bodyText();
        if (attempt == 3) {
          throw new AssertionError("login as " + user + " did not leave " + driver.getCurrentUrl() + "; the page says: "
              + page, stillOnLogin);
        }
        System.out.println("Login as " + user + " still on the login page after attempt " + attempt + "; it says: " + page);
      }
    }
  }

  public WebElement waitFor(By locator) {
    return wait(WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement waitForClickable(By locator) {
    return wait(WAIT).until(ExpectedConditions.elementToBeClickable(locator));
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return wait(WAIT).until(condition::apply);
  }

  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Waits until the page's visible text contains this text. */
  public Browser waitForText(String text) {
    waitUntil(d -> bodyText().contains(text));
    return this;
  }

  /** Waits until no loading indicator of the webapps is visible any more. */
  public Browser settle() {
    waitUntil(d -> d.findElements(By.cssSelector(".loader, .animate-spin")).stream().noneMatch(WebElement::isDisplayed));
    return this;
  }

  /** Closes the webapp's notifications (as a user clicks their ×), which may cover the form's buttons. */
  public void closeNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .alert .close"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (org.openqa.selenium.WebDriverException goneMeanwhile) {
        // a notification that fades out on its own while we reach for its x is just as well
      }
    }
    waitUntil(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
  }

  /** Moves the mouse off any element, so that no tooltip covers the screenshot. */
  public void moveAway() {
    new org.openqa.selenium.interactions.Actions(driver).moveToLocation(1, 1).perform();
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void click(By locator) {
    clickWhenFree(waitForClickable(locator));
  }

  /** Clicks once nothing covers the element any more (a form still laying itself out, a header). */
  private void clickWhenFree(WebElement element) {
    waitUntil(d -> {
      try {
        scrollTo(element);
        element.click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        return false;
      }
    });
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Saves what the user sees now as {@code target/browser-screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- form-js fields, found by the component ids of the form (not by labels, which are translated)

  private By field(String componentId) {
    return By.cssSelector("[id$='-" + componentId + "']");
  }

  public void type(String componentId, String text) {
    WebElement input = waitFor(field(componentId));
    scrollTo(input);
    input.clear();
    input.sendKeys(text);
    // leaving the field hands the text to form-js at once (it debounces typing)
    input.sendKeys(Keys.TAB);
  }

  /** Types a date the way form-js's date picker takes it (MM/DD/YYYY), then leaves the field. */
  public void date(String componentId, java.time.LocalDate date) {
    WebElement input = waitFor(By.cssSelector("[id$='-" + componentId + "-date']"));
    scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(String.format("%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
    input.sendKeys(Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  /** Chooses an option of a form-js select (a searchable drop-down list) by its visible label. */
  public void select(String componentId, String optionLabel) {
    // the select's own input is hidden; people click the box that shows the choice
    clickWhenFree(waitFor(By.cssSelector("[id$='-" + componentId + "-display']")));
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + xpathLiteral(optionLabel) + "]"));
  }

  /** Ticks the n-th option (from 0) of a radio group or checklist, or a single checkbox when option is null. */
  public void tick(String componentId, Integer option) {
    By locator = option == null ? field(componentId) : By.cssSelector("[id$='-" + componentId + "-" + option + "']");
    wait(WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
    clickWhenFree(waitForClickable(locator));
  }

  private static String xpathLiteral(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  /** The value of each option of a component of a deployed form, in order (to tick options by value). */
  @SuppressWarnings("unchecked")
  public static List<String> optionValues(String formId, String componentId) {
    return options(formId, componentId).stream().map(o -> o.get("value")).toList();
  }

  /** The label of the option with this value as an English browser shows it (to pick it in a select). */
  public static String optionLabel(String formId, String componentId, String value) {
    return optionLabel(formId, componentId, value, "en");
  }

  /**
   * The label of the option with this value as a browser in this language shows it: the translation
   * source's (forms/i18n/&lt;language&gt;.json) when it has one, the form's own otherwise.
   */
  @SuppressWarnings("unchecked")
  public static String optionLabel(String formId, String componentId, String value, String language) {
    String label = options(formId, componentId).stream().filter(o -> o.get("value").equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(formId + "/" + componentId + " has no option " + value)).get("label");
    try (InputStream in = Browser.class.getResourceAsStream("/forms/i18n/" + language + ".json")) {
      Map<String, String> texts = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Map.class);
      return texts.getOrDefault("form." + formId + "." + componentKey(formId, componentId) + ".value." + value, label);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String componentKey(String formId, String componentId) {
    try (InputStream in = Browser.class.getResourceAsStream("/forms/" + formId + ".form")) {
      Map<String, Object> form = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Map.class);
      return findComponent((List<Map<String, Object>>) form.get("components"), componentId)
          .map(c -> (String) c.getOrDefault("key", componentId)).orElse(componentId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> options(String formId, String componentId) {
    try (InputStream in = Browser.class.getResourceAsStream("/forms/" + formId + ".form")) {
      Map<String, Object> form = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Map.class);
      return findComponent((List<Map<String, Object>>) form.get("components"), componentId)
          .map(c -> (List<Map<String, String>>) c.get("values"))
          .orElseThrow(() -> new IllegalArgumentException(formId + " has no component " + componentId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static java.util.Optional<Map<String, Object>> findComponent(List<Map<String, Object>> components, String id) {
    for (Map<String, Object> component : components) {
      if (id.equals(component.get("id"))) {
        return java.util.Optional.of(component);
      }
      if (component.get("components") instanceof List<?> children) {
        var found = findComponent((List<Map<String, Object>>) children, id);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return java.util.Optional.empty();
  }

  public int index(String formId, String componentId, String value) {
    int index = optionValues(formId, componentId).indexOf(value);
    if (index < 0) {
      throw new IllegalArgumentException(formId + "/" + componentId + " has no option " + value);
    }
    return index;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
