package md.nrs.referral.intake;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * With a personal-data store in place (here one that records what it is given), the person sent with a
 * referral reaches the store, keyed by the case code, and nothing of it reaches the case: not its
 * variables, not their history (ACT_HI_VARINST, ACT_HI_DETAIL), not the intake record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:nrs-referral-person;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@Import(PersonalDataKeptApartTest.RecordingStore.class)
class PersonalDataKeptApartTest {

  private static final String PASSWORD = "Test#Intake-2026";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RecordingStore store;
  @Autowired ReferralIntakeRepository intakes;
  @LocalServerPort int port;

  @TestConfiguration
  static class RecordingStore {
    final List<Object[]> kept = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    ReferralPersonalData recordingPersonalData() {
      return (caseCode, person, agencyId, userId) -> kept.add(new Object[] {caseCode, person, agencyId, userId});
    }
  }

  @Test
  void thePersonGoesToTheStoreAndNoneOfItToTheCaseOrItsHistory() throws Exception {
    TestUsers.ensure(engine, "person.lastrada", PASSWORD, "la-strada", "caseworkers");
    String body = ReferralIntakeApiTest.referral("LS-PERSON-1").replace("\"location\": \"moldova\"", """
        "location": "moldova", "person": {"givenName": "Olesea-Unique", "familyName": "Rusu-Unique",
          "dateOfBirth": "2001-04-05", "phone": "+373 60 000 111", "email": "olesea.unique@example.org",
          "address": "Strada Unica 7", "documentNumber": "B-UNIQUE-77", "familyContact": "Mama Unica"}""");

    Response response = new PlatformHttp(port).post("/api/referrals", basic("person.lastrada", PASSWORD), body);

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    String caseCode = JSON.readTree(response.body()).get("caseCode").asText();
    assertThat(store.kept).hasSize(1);
    Object[] kept = store.kept.get(0);
    assertThat(kept[0]).isEqualTo(caseCode);
    assertThat(((IntakePerson) kept[1]).familyName()).isEqualTo("Rusu-Unique");
    assertThat(((IntakePerson) kept[1]).dateOfBirth()).hasToString("2001-04-05");
    assertThat(kept[2]).isEqualTo("la-strada");
    assertThat(kept[3]).isEqualTo("person.lastrada");

    String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).processInstanceBusinessKey(caseCode).singleResult().getId();
    List<String> personFields = Arrays.stream(IntakePerson.class.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    engine.getRuntimeService().getVariables(instanceId).forEach((name, value) -> {
      names.add(name);
      values.add(String.valueOf(value));
    });
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId).list().forEach(v -> {
      names.add(v.getName());
      values.add(String.valueOf(v.getValue()));
    });
    for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instanceId).list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        names.add(update.getVariableName());
        values.add(String.valueOf(update.getValue()));
      }
    }
    assertThat(names).isNotEmpty().contains("channel").doesNotContainAnyElementsOf(personFields).doesNotContain("person");
    assertThat(String.join("|", values)).doesNotContain("Olesea").doesNotContain("Rusu").doesNotContain("2001-04-05")
        .doesNotContain("000 111").doesNotContain("example.org").doesNotContain("Unica").doesNotContain("UNIQUE");
    ReferralIntakeRecord row = intakes.findById(caseCode).orElseThrow();
    assertThat(String.join("|", row.getCaseCode(), row.getAgencyId(), row.getSourceReference(), row.getRequestHash(),
        row.getReceivedBy())).doesNotContain("Olesea").doesNotContain("Rusu").doesNotContain("2001");
  }
}
