package md.nrs.referral.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;
import md.nrs.referral.persons.PossibleDuplicateProcess.Elements;
import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.PersonalDataVault;
import md.nrs.referral.testing.CalledProcessTestSupport;
import md.nrs.referral.testing.ProcessTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * possible-duplicate, every branch: the vault records the same person for two cases, the NRS coordinators are
 * asked once, "same person" links the cases, "not the same" is remembered (recording her again asks nothing),
 * and a decision missing from the form leaves the task open.
 */
@ProcessTest
class PossibleDuplicateProcessTest extends CalledProcessTestSupport {

  @Autowired PersonalDataVault vault;
  @Autowired PersonLinks links;

  @Test
  void twoRecordsOfOnePersonAskTheCoordinatorsOnceAndSamePersonLinksTheCases() {
    String other = caseCodes.next();
    PersonRecord person = person("Dorina", "Pdtest-Linked", "PD-LINK-1");
    vault.store(caseCode, person, "pd.test", "la-strada");
    vault.store(other, person, "pd.test", "cctp");

    ProcessInstance flag = flagRaisedBy(other);
    assertThat(flag).isWaitingAt(Elements.DECIDE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(flag).getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("nrs-coordinators");
    assertThat(engine.getRuntimeService().getVariables(flag.getId())).containsOnlyKeys(
        PossibleDuplicateProcess.CASE_CODE.name(), PossibleDuplicateProcess.DUPLICATE_OF.name(),
        PossibleDuplicateProcess.MATCHED_ON.name()).containsEntry(PossibleDuplicateProcess.MATCHED_ON.name(), "document,name-birth");

    complete(flag, Map.of(PossibleDuplicateProcess.DECISION.name(), PossibleDuplicateProcess.SAME_PERSON));

    assertThat(flag).hasPassed(Elements.RECORD, Elements.CASES_LINKED).isEnded();
    assertThat(links.samePerson(caseCode, other)).isTrue();
    assertThat(links.casesOfSamePerson(other)).containsExactlyInAnyOrder(caseCode, other);
  }

  @Test
  void notTheSamePersonIsRememberedAndRecordingHerAgainAsksNothing() {
    String other = caseCodes.next();
    vault.store(caseCode, person("Ala", "Pdtest-Apart", "PD-APART-1"), "pd.test", "la-strada");
    vault.store(other, person("Ala", "Pdtest-Apart", null), "pd.test", "cctp");
    ProcessInstance flag = flagRaisedBy(other);

    complete(flag, Map.of(PossibleDuplicateProcess.DECISION.name(), PossibleDuplicateProcess.NOT_SAME));

    assertThat(flag).hasPassed(Elements.RECORD, Elements.NOT_THE_SAME_PERSON).isEnded();
    assertThat(links.samePerson(caseCode, other)).isFalse();
    assertThat(links.pair(caseCode, other)).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo("not-same"));
    vault.store(other, person("Ala", "Pdtest-Apart", null), "pd.test", "cctp");
    assertThat(flagsAbout(other)).isEqualTo(1);
  }

  @Test
  void withoutADecisionTheTaskStaysOpenAndNothingIsLinked() {
    String other = caseCodes.next();
    vault.store(caseCode, person("Lilia", "Pdtest-Open", null), "pd.test", "la-strada");
    vault.store(other, person("Lilia", "Pdtest-Open", null), "pd.test", "cctp");
    ProcessInstance flag = flagRaisedBy(other);

    assertThatThrownBy(() -> complete(flag, Map.of(PossibleDuplicateProcess.DECISION.name(), "maybe")))
        .hasMessageContaining(PossibleDuplicateProcess.DECISION.name());

    assertThat(flag).isWaitingAt(Elements.DECIDE);
    assertThat(links.samePerson(caseCode, other)).isFalse();
  }

  private ProcessInstance flagRaisedBy(String code) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
  }

  private long flagsAbout(String code) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PossibleDuplicateProcess.KEY)
        .processInstanceBusinessKey(code).count();
  }

  private static PersonRecord person(String given, String family, String document) {
    return new PersonRecord(given, family, LocalDate.of(1995, 1, 20), "female", null, null, null,
        document == null ? null : "passport", document, null);
  }
}
