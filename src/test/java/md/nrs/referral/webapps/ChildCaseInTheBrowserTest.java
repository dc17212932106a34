package md.nrs.referral.webapps;

import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildFriendlyInterviewForm;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.privacy.vault.PersonalFormFields;
import md.nrs.referral.testing.Browser;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
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

/**
 * One child's case in a real browser (headless Chromium), as the guardianship authority of Chisinau
 * ({@code guardianship.chisinau}) works it in Tasklist: the immediate assessment, the age assessment of a
 * presumed child, the legal representative (suspected, so excluded), the best-interests determination
 * refusing the return, and the placement in Moldova. The other agencies' steps are done through the engine.
 * Each step leaves {@code target/browser-screenshots/child-NN-step.png}.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildCaseInTheBrowserTest {

  private static final String GUARDIANSHIP = "guardianship.chisinau";

  private PlatformNode node;
  private ProcessEngine engine;
  private Browser browser;
  private String caseCode;
  private String instance;

  @BeforeAll
  void startThePlatformWithAReferralOfUnknownAge() {
    node = PlatformNode.start("demo", Map.of("spring.datasource.url", "jdbc:h2:mem:nrs-child-browser;DB_CLOSE_DELAY=-1"));
    engine = node.engine();
    var started = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId(),
        FormSubmission.of(new RegisterReferralForm("police-cctp", "moldova", null, "trafficking", "unknown", false, "female",
            false, "Found alone at the bus station")));
    instance = started.getId();
    caseCode = started.getBusinessKey();
  }

  @AfterEach
  void closeTheBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      Files.writeString(Path.of("target", "browser-screenshots", "child-" + test.getTestMethod().orElseThrow().getName() + ".html"),
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
  void theGuardianshipAuthorityAssessesThePresumedChildsSituation() {
    Task assessment = calledTask(ChildProtectionProcess.Elements.ASSESS_SITUATION);
    openTask(assessment);
    String form = ChildProtectionProcess.FORM_ASSESS_SITUATION;
    browser.tick("Field_ChildSituation", browser.index(form, "Field_ChildSituation", "unaccompanied"));
    browser.tick("Field_ChildRisk", browser.index(form, "Field_ChildRisk", "high"));
    browser.type("Field_ChildAssessmentNote", "Placed in the emergency centre overnight");
    browser.screenshot("child-01-assess-situation");
    complete(assessment);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(assessment.getProcessInstanceId())
        .variableName(ChildProtectionProcess.CHILD_SITUATION.name()).singleResult().getValue()).isEqualTo("unaccompanied");
  }

  @Test
  @Order(2)
  void theAgeAssessmentFindsAChildAndRecordsWhoDecided() {
    Task ageAssessment = calledTask(ChildProtectionProcess.Elements.ASSESS_AGE);
    openTask(ageAssessment);
    String form = ChildProtectionProcess.FORM_ASSESS_AGE;
    browser.tick("Field_AgeFound", browser.index(form, "Field_AgeFound", ChildProtectionProcess.FOUND_CHILD));
    browser.select("Field_AgeDecidedBy", Browser.optionLabel(form, "Field_AgeDecidedBy", "forensic-medical-examiner"));
    browser.date("Field_AgeDecidedOn", LocalDate.now(PlatformClock.zone()));
    browser.screenshot("child-02-assess-age");
    complete(ageAssessment);
  }

  @Test
  @Order(3)
  void aParentSuspectedOfInvolvementIsExcluded() {
    Task representative = calledTask(ChildProtectionProcess.Elements.APPOINT_REPRESENTATIVE);
    openTask(representative);
    String form = ChildProtectionProcess.FORM_APPOINT_REPRESENTATIVE;
    browser.tick("Field_RepresentativeRole", browser.index(form, "Field_RepresentativeRole", "parent"));
    browser.type("Field_RepresentativeName", "Maria Cebotari-Browser");
    browser.type("Field_RepresentativeContact", "+373 79 000 123");
    browser.tick("Field_RepresentativeSuspected", null);
    browser.screenshot("child-03-appoint-representative");
    complete(representative);
    // the case team's child-friendly interview ends the guardianship authority's first steps
    engine.getTaskService().complete(calledTask(ChildProtectionProcess.Elements.CHILD_FRIENDLY_INTERVIEW).getId(),
        FormSubmission.of(new ChildFriendlyInterviewForm("cp.mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true)));
    browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.IDENTIFICATION).singleResult());
    assertThat(engine.getRuntimeService().getVariable(instance, NrsCaseProcess.REPRESENTATIVE_ROLE.name()))
        .isEqualTo(ChildProtectionProcess.GUARDIANSHIP_AUTHORITY_REPRESENTS);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(PersonalFormFields.REPRESENTATIVE_NAME).count())
        .as("the name went to the vault, not into the engine").isZero();

    // the guardianship authority reads who the (excluded) representative is on the case page, in the same session
    browser.go("/nrs/case.html?code=" + caseCode);
    browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("Maria Cebotari-Browser"));
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .contains("The child's legal representative", "+373 79 000 123", "Excluded: suspected of involvement");
    browser.screenshot("child-03b-case-page-representative");
  }

  @Test
  @Order(4)
  void theBestInterestsDeterminationRefusesTheReturnToTheFamily() {
    // the team's and the coordinator's steps, through the engine
    completeCaseTask(Elements.IDENTIFICATION, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()),
        List.of("deception"), List.of("begging"), "presumed-victim", null, null)));
    completeCaseTask(Elements.CONSENT, InformedConsent.given("guardianship-chisinau")
        .forAChild("guardianship-authority", "heard-agrees").submission());
    completeCaseTask(Elements.NEEDS_ASSESSMENT, FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false,
        "Psychological support and school")));
    Task approval = caseTask(Elements.APPROVE_PLAN);
    engine.getTaskService().claim(approval.getId(), "nrs.coordinator");
    engine.getTaskService().complete(approval.getId(), Map.of(PLAN_DECISION.name(), "approve"));

    Task determination = calledTask(BestInterestsProcess.Elements.DETERMINE);
    openTask(determination);
    String form = BestInterestsProcess.FORM_DETERMINE;
    browser.tick("Field_FamilyAssessment", browser.index(form, "Field_FamilyAssessment", "traced-not-safe"));
    browser.tick("Field_ChildViews", browser.index(form, "Field_ChildViews", "heard-disagrees"));
    browser.tick("Field_BidDecision", browser.index(form, "Field_BidDecision", BestInterestsProcess.REFUSE));
    browser.type("Field_BidRefusalReason", "The father took part in the recruitment");
    browser.screenshot("child-04-best-interests-refused");
    complete(determination);
    assertThat(engine.getRuntimeService().getVariable(instance, NrsCaseProcess.RETURN_DECISION.name()))
        .isEqualTo(BestInterestsProcess.REFUSE);
  }

  @Test
  @Order(5)
  void theGuardianshipAuthorityPlacesTheChildInMoldova() {
    Task placement = caseTask(Elements.ARRANGE_ALTERNATIVE_PLACEMENT);
    openTask(placement);
    browser.tick("Field_PlacementType", browser.index(NrsCaseProcess.FORM_ARRANGE_ALTERNATIVE_PLACEMENT, "Field_PlacementType",
        "foster"));
    browser.screenshot("child-05-placement-in-moldova");
    complete(placement);
    assertThat(engine.getRuntimeService().getVariable(instance, NrsCaseProcess.PLACEMENT_TYPE.name())).isEqualTo("foster");
    assertThat(engine.getRuntimeService().getActiveActivityIds(instance)).contains(Elements.SERVICES)
        .doesNotContain(Elements.REPATRIATION);
  }

  // --- steps

  /** Logs in as the guardianship authority's demo user, opens the task by its address and claims it. */
  private void openTask(Task task) {
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("guardianship-chisinau"));
    Browser opened = Browser.open(node.port());
    browser = opened; // closed after the step even if opening the task fails
    opened.login("tasklist", GUARDIANSHIP, Browser.DEMO_PASSWORD);
    opened.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
    opened.click(By.cssSelector("button.claim, [ng-click='claim()']"));
    opened.waitFor(By.cssSelector(".fjs-form"));
    opened.settle();
  }

  private void complete(Task task) {
    browser.closeNotifications();
    browser.click(By.cssSelector("[ng-click='complete()']"));
    browser.waitUntil(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
  }

  private void completeCaseTask(String element, Map<String, Object> form) {
    engine.getTaskService().complete(caseTask(element).getId(), form);
  }

  private Task caseTask(String element) {
    return browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(element).singleResult());
  }

  private Task calledTask(String element) {
    return browserlessWait(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseCode)
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
