package md.nrs.referral.models;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.sla.ActOnOverdueStepForm;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.RequiresBrowser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What a policy officer sees in Modeler, in headless Chromium: bpmn-js's Camunda 7 modeler
 * (camunda-bpmn-js) with the properties panel, the element templates and bpmn-js-bpmnlint running the
 * packed .bpmnlintrc (bpmnlint recommended and the platform's plugin), built by
 * {@code tools/models/modeler-check} ({@code npm ci && npm run build}). Every model opens with no problem;
 * every broken fixture is flagged there and refused by the gate — a deployment by {@code policy.officer}
 * the way Modeler's deploy dialog sends it — on the same elements; the templates load, and one applied in
 * the properties panel repairs a flagged task so that the gate accepts the model as the modeler saves it.
 * Screenshots in {@code target/browser-screenshots/modeler-*.png}.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-modeler-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelerInTheBrowserTest {

  private static final Path PAGE = Path.of("tools/models/modeler-check/dist");
  private static final Path FIXTURES = Path.of("src/test/resources/lint-fixtures");
  private static final Credentials POLICY_OFFICER = basic("policy.officer", Browser.DEMO_PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired md.nrs.referral.agencies.delivery.OutboxRepository outbox;
  @LocalServerPort int port;

  private HttpServer pages;
  private Browser browser;
  private PlatformHttp http;

  @BeforeAll
  void openTheModeler() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(PAGE.resolve("index.html")),
        "skipped: build the page first (cd tools/models/modeler-check && npm ci && npm run build)");
    http = new PlatformHttp(port);
    pages = servePage();
    browser = Browser.open(pages.getAddress().getPort());
    browser.driver().manage().window().setSize(new Dimension(1280, 800));
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    browser.go("/index.html");
    browser.waitUntil(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!window.nrsModeler"));
  }

  @AfterAll
  void closeTheModeler() {
    if (browser != null) {
      browser.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @Test
  void everyModelOpensInTheCamunda7ModelerWithNoProblem() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(14);
    List<String> problems = new ArrayList<>();
    for (Path model : models) {
      Map<String, Object> opened = open(model);
      ((List<?>) opened.get("warnings")).forEach(warning -> problems.add(model.getFileName() + ": import: " + warning));
      reports(opened).forEach(report -> problems.add(model.getFileName() + ": " + report.get("rule") + " "
          + report.get("id") + ": " + report.get("message")));
      if (model.endsWith("nrs-case.bpmn") || model.endsWith("monitoring.bpmn")) {
        browser.screenshot("modeler-" + model.getFileName().toString().replace(".bpmn", ""));
      }
    }

    assertThat(problems).as("import warnings and lint problems in the modeler").isEmpty();
  }

  @Test
  void eachBrokenFixtureIsFlaggedInTheModelerAndRefusedByTheGateOnTheSameElements() throws IOException {
    Map<String, String> fixtures = Map.of("misspelt-delegate.bpmn", "ServiceTask_Notify",
        "unknown-group.bpmn", "UserTask_Assess", "missing-form.bpmn", "UserTask_Assess",
        "timer-without-basis.bpmn", "TimerEvent_Wait");
    for (var fixture : new java.util.TreeMap<>(fixtures).entrySet()) {
      Path file = FIXTURES.resolve(fixture.getKey());
      Set<String> flagged = new TreeSet<>();
      reports(open(file)).stream().filter(report -> "error".equals(report.get("category")))
          .forEach(report -> flagged.add((String) report.get("id")));
      call("showProblems", fixture.getValue());
      browser.screenshot("modeler-fixture-" + fixture.getKey().replace(".bpmn", ""));

      Response refused = deploy(fixture.getKey(), Files.readAllBytes(file));
      assertThat(refused.status()).as("%s: %s", fixture.getKey(), refused).isEqualTo(400);
      Set<String> refusedOn = new TreeSet<>(json.readTree(refused.body()).findValuesAsText("mainElementId"));

      assertThat(flagged).as("%s: flagged in the modeler", fixture.getKey()).containsExactly(fixture.getValue());
      assertThat(refusedOn).as("%s: refused by the gate on the elements the modeler flags", fixture.getKey())
          .isEqualTo(flagged);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTemplatesLoadAndOneAppliedInThePropertiesPanelRepairsAFlaggedTaskSoThatTheGateAcceptsTheSavedModel()
      throws IOException {
    Map<String, Object> loaded = call("loadTemplates", templates());
    assertThat((List<?>) loaded.get("errors")).as("template errors").isEmpty();
    assertThat((List<Object>) loaded.get("ids")).containsExactlyInAnyOrder("md.nrs.notify-agency", "md.nrs.agency-task",
        "md.nrs.consent-check", "md.nrs.with-consent", "md.nrs.without-consent", "md.nrs.call-sub-path");

    assertThat(reports(open(FIXTURES.resolve("misspelt-delegate.bpmn")))).extracting(report -> report.get("id"))
        .containsExactly("ServiceTask_Notify");
    Map<String, Object> applied = call("applyTemplate", "ServiceTask_Notify", "md.nrs.notify-agency");
    assertThat(applied.get("delegateExpression")).isEqualTo("${notifyAgency}");
    assertThat(applied.get("templateId")).isEqualTo("md.nrs.notify-agency");
    assertThat(reports(applied)).as("the template's fixed delegate clears the problem").isEmpty();

    // What a policy officer fills in: the group with the template's fields, an agency, what is asked.
    WebElement group = browser.waitForClickable(By.xpath(
        "//div[contains(@class,'bio-properties-panel-group-header')][.//*[normalize-space()='Custom properties']]"));
    group.click();
    choose(field("Agency to tell"), "la-strada");
    browser.waitUntil(d -> saved().contains("la-strada"));
    WebElement asked = field("What is asked");
    asked.clear();
    asked.sendKeys("Assess the person's needs with the case team");
    browser.waitUntil(d -> saved().contains("Assess the person's needs with the case team"));
    browser.moveAway();
    browser.screenshot("modeler-template-applied");

    String xml = saved();
    Response deployed = deploy("misspelt-delegate.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.status()).as("the model as the modeler saved it: %s", deployed).isEqualTo(200);

    var model = Bpmn.readModelFromStream(engine.getRepositoryService().getProcessModel(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey("lint-fixture-misspelt-delegate").latestVersion()
        .singleResult().getId()));
    ServiceTask notify = model.getModelElementById("ServiceTask_Notify");
    assertThat(notify.getCamundaDelegateExpression()).isEqualTo("${notifyAgency}");
    assertThat(model.getModelElementsByType(CamundaInputParameter.class))
        .extracting(CamundaInputParameter::getCamundaName, CamundaInputParameter::getTextContent)
        .contains(org.assertj.core.groups.Tuple.tuple("notifiedAgency", "la-strada"),
            org.assertj.core.groups.Tuple.tuple("notificationRequest", "Assess the person's needs with the case team"));
    String caseCode = "NRS-2026-000951";
    String instance = PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey("lint-fixture-misspelt-delegate", caseCode)).getId();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .as("a case runs on the repaired model").isEqualTo("UserTask_Assess");
  }

  @Test
  void aModelBuiltInTheModelerFromTheTemplatesAloneIsDeployedByThePolicyOfficerPassesTheGateAndRunsACase()
      throws IOException {
    call("loadTemplates", templates());
    Path folder = Files.createTempDirectory("nrs-skeleton-");
    Path skeleton = folder.resolve("modeler-template-built.bpmn");
    Files.writeString(skeleton, Bpmn.convertToString(skeleton("modeler-template-built")));
    open(skeleton);
    Files.delete(skeleton);
    Files.delete(folder);

    // Each step becomes a platform step by its template, filled in in the properties panel.
    template("ServiceTask_CheckConsent", "md.nrs.consent-check", Map.of("Share with", "cap-chisinau"));
    template("Flow_WithConsent", "md.nrs.with-consent", Map.of());
    template("Flow_WithoutConsent", "md.nrs.without-consent", Map.of());
    call("label", "Flow_WithConsent", "yes");
    call("label", "Flow_WithoutConsent", "no");
    template("UserTask_Prepare", "md.nrs.agency-task", Map.of("Who does it", "la-strada", "Form", "act-on-overdue-step"));
    template("ServiceTask_TellShelter", "md.nrs.notify-agency",
        Map.of("Agency to tell", "cap-chisinau", "What is asked", "Prepare a shelter place for the case"));
    template("CallActivity_OverdueStep", "md.nrs.call-sub-path", Map.of("Sub-path", "sla-escalation"));
    browser.waitUntil(d -> saved().contains("Prepare a shelter place for the case") && saved().contains("act-on-overdue-step"));
    Map<String, Object> linted = call("lint");
    assertThat(reports(linted)).as("the problems panel").isEmpty();
    browser.moveAway();
    browser.screenshot("modeler-built-from-templates");

    Response deployed = deploy("modeler-template-built.bpmn", saved().getBytes(StandardCharsets.UTF_8));
    assertThat(deployed.status()).as("deployed by policy.officer as the modeler saved it: %s", deployed).isEqualTo(200);

    String caseCode = "NRS-2026-000952";
    String instance = PlatformStarts.withBusinessKey(caseCode,
        () -> engine.getRuntimeService().startProcessInstanceByKey("modeler-template-built", caseCode)).getId();
    var prepare = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(prepare.getTaskDefinitionKey()).as("consent allowed sharing").isEqualTo("UserTask_Prepare");
    assertThat(prepare.getDueDate()).as("due date from the SLA table").isNotNull();
    Response completed = http.post("/engine-rest/task/" + prepare.getId() + "/complete",
        basic("lastrada.caseworker", Browser.DEMO_PASSWORD),
        "{\"variables\": {\"escalationAction\": {\"value\": \"contacted-agency\"}, "
            + "\"escalationNote\": {\"value\": \"Agreed with the shelter\"}}}");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    assertThat(outbox.findByCaseCodeOrderByIdAsc(caseCode)).singleElement().satisfies(entry -> {
      assertThat(entry.getAgencyId()).isEqualTo("cap-chisinau");
      assertThat(entry.getRequest()).isEqualTo("Prepare a shelter place for the case");
    });
    var child = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance).singleResult();
    assertThat(child.getBusinessKey()).isEqualTo(caseCode);
    var overdue = engine.getTaskService().createTaskQuery().processInstanceId(child.getId()).singleResult();
    engine.getTaskService().complete(overdue.getId(), FormSubmission.of(new ActOnOverdueStepForm("other", "Done")));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndTime()).as("the case ran to its end").isNotNull();
  }

  /** Start, consent check, gateway, a task, a notification, a sub-path, end: laid out, but none of them configured. */
  private static org.camunda.bpm.model.bpmn.BpmnModelInstance skeleton(String key) {
    return Bpmn.createExecutableProcess(key).name("Built in the modeler from the templates").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_Referred").name("Referred")
        .serviceTask("ServiceTask_CheckConsent").name("Check consent to share with the shelter")
        .exclusiveGateway("Gateway_Consent").name("Consent?")
        .sequenceFlowId("Flow_WithConsent")
        .userTask("UserTask_Prepare").name("Prepare the assistance")
        .documentation("Time limit: from sla-durations.dmn. Basis: policy default.")
        .serviceTask("ServiceTask_TellShelter").name("Tell the shelter")
        .callActivity("CallActivity_OverdueStep").name("Overdue step")
        .endEvent("EndEvent_Done").name("Done")
        .moveToNode("Gateway_Consent").sequenceFlowId("Flow_WithoutConsent")
        .endEvent("EndEvent_NoConsent").name("No consent")
        .done();
  }

  /** Applies a template to an element and fills in its fields in the properties panel, by their labels. */
  private void template(String elementId, String templateId, Map<String, String> values) {
    Map<String, Object> applied = call("applyTemplate", elementId, templateId);
    assertThat(applied.get("templateId")).isEqualTo(templateId);
    for (var value : values.entrySet()) {
      By label = By.xpath("//label[normalize-space()='" + value.getKey() + "']");
      if (browser.driver().findElements(label).stream().noneMatch(WebElement::isDisplayed)) {
        browser.click(By.xpath("//div[contains(@class,'bio-properties-panel-group-header')]"
            + "[.//*[normalize-space()='Custom properties']]"));
      }
      WebElement field = field(value.getKey());
      if ("select".equals(field.getTagName())) {
        choose(field, value.getValue());
      } else {
        field.clear();
        field.sendKeys(value.getValue());
      }
      browser.waitUntil(d -> saved().contains(value.getValue()));
    }
  }

  // --- the page --------------------------------------------------------------------------------------

  private Map<String, Object> open(Path model) throws IOException {
    return call("open", model.getFileName().toString(), Files.readString(model, StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> reports(Map<String, Object> result) {
    return (List<Map<String, Object>>) result.get("reports");
  }

  private String saved() {
    return call("saveXML");
  }

  /** A field of the properties panel, found by its label as a person finds it. */
  private WebElement field(String label) {
    WebElement labelled = browser.waitFor(By.xpath("//label[normalize-space()='" + label + "']"));
    return browser.driver().findElement(By.id(labelled.getDomAttribute("for")));
  }

  /**
   * Chooses an option of a drop-down of the panel. WebDriver's click on a native option did not reach the
   * panel's handler (it listens to input events) in headless Chromium, so the choice is made as the browser
   * reports one: the value, then the input and change events.
   */
  private void choose(WebElement select, String value) {
    assertThat(new Select(select).getOptions()).extracting(option -> option.getDomAttribute("value")).contains(value);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", select, value);
  }

  /** Calls a function of window.nrsModeler and waits for its promise. */
  @SuppressWarnings("unchecked")
  private <T> T call(String function, Object... arguments) {
    Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "Promise.resolve().then(() => window.nrsModeler." + function + "(...Array.from(arguments).slice(0, -1)))"
            + ".then(done, (e) => done({failed: String(e && e.stack || e)}));", arguments);
    if (result instanceof Map<?, ?> map && map.containsKey("failed")) {
      throw new AssertionError(function + " failed in the page: " + map.get("failed"));
    }
    return (T) result;
  }

  /** Every template of .camunda/element-templates, as Modeler reads the folder. */
  private List<Object> templates() throws IOException {
    List<Object> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(".camunda/element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode templates = json.readTree(file.toFile());
        templates.forEach(template -> all.add(json.convertValue(template, Map.class)));
      }
    }
    return all;
  }

  private Response deploy(String file, byte[] content) {
    return http.postMultipart("/engine-rest/deployment/create", POLICY_OFFICER,
        Map.of("deployment-name", "From the modeler: " + file, "deployment-source", "Camunda Modeler",
            "enable-duplicate-filtering", "true"),
        Map.of(file, content));
  }

  /** Serves the built page on 127.0.0.1 (a free port), as Modeler's own web view would load it. */
  private static HttpServer servePage() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Path root = PAGE.toAbsolutePath().normalize();
    server.createContext("/", exchange -> {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      try (exchange) {
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
            : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    server.start();
    return server;
  }
}
