package md.nrs.referral.crossborder;

import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.COUNTRY;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.PLAN_DECISION;
import static md.nrs.referral.casepath.NrsCaseProcess.REPATRIATION_NEEDED;
import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.casepath.NrsCaseProcess.Elements;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.repatriation.RepatriationProcess;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A partner abroad (Veritas, Ukraine) refers a Moldovan citizen stranded there through the intake API:
 * the case is opened for Veritas as the referring agency, triage routes it to IOM as a person abroad,
 * and once the plan is approved the case goes into repatriation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-referral-intake;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
class InboundCrossBorderReferralTest {

  private static final String PASSWORD = "Test#Intake-2026";

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void aReferralFromVeritasOfAMoldovanInUkraineEntersTheCasePathWithRepatriation() throws Exception {
    TestUsers.ensure(engine, "veritas.system", PASSWORD, "veritas", "caseworkers");
    String body = """
        {"sourceReference": "VRT-UA-2026-0042", "channel": "partner-abroad", "location": "abroad", "country": "Ukraine",
         "category": "trafficking", "minor": false, "sex": "female", "ageBand": "18+", "immediateDanger": false,
         "referralSummary": "Moldovan citizen identified in Odesa, wants to return"}""";

    Response response = new PlatformHttp(port).post("/api/referrals", basic("veritas.system", PASSWORD), body);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    var receipt = new ObjectMapper().readTree(response.body());
    assertThat(receipt.get("referringAgency").asText()).isEqualTo("veritas");
    String caseCode = receipt.get("caseCode").asText();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(NrsCaseProcess.KEY)
        .processInstanceBusinessKey(caseCode).singleResult().getId();
    assertThat(engine.getRuntimeService().getVariables(instanceId)).containsEntry(CHANNEL.name(), "partner-abroad")
        .containsEntry(LOCATION.name(), "abroad").containsEntry(COUNTRY.name(), "Ukraine").containsEntry(REPATRIATION_NEEDED.name(), true);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("iom").count())
        .as("identification by IOM, the team for persons abroad").isEqualTo(1);

    complete(instanceId, null, FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, null)));
    complete(instanceId, null, InformedConsent.given("iom", "veritas").informingPartnerAbroad().submission());
    complete(instanceId, "author", FormSubmission.of(new NeedsAssessmentForm(List.of("psychological"), false,
        "Return home, then psychological counselling")));
    complete(instanceId, "coordinator", Map.of(PLAN_DECISION.name(), "approve"));

    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(instanceId)
        .activityId(Elements.REPATRIATION).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RepatriationProcess.KEY)
        .processInstanceBusinessKey(caseCode).count()).isEqualTo(1);
  }

  private void complete(String instanceId, String user, Map<String, Object> values) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    if (user != null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    engine.getTaskService().complete(task.getId(), values);
  }
}
