package md.nrs.referral.hotline;

import static md.nrs.referral.hotline.HotlineCallProcess.CALLER_TYPE;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_BACK_NEEDED;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_BACK_WITHIN;
import static md.nrs.referral.hotline.HotlineCallProcess.CALL_TYPE;
import static md.nrs.referral.hotline.HotlineCallProcess.CASE_CATEGORY;
import static md.nrs.referral.hotline.HotlineCallProcess.FOLLOW_UP_AGREED;
import static md.nrs.referral.hotline.HotlineCallProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.hotline.HotlineCallProcess.MINOR_INVOLVED;
import static md.nrs.referral.hotline.HotlineCallProcess.REGION;
import static md.nrs.referral.hotline.HotlineCallProcess.SOS;
import static md.nrs.referral.hotline.HotlineCallProcess.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hotline-call-classification table as policy staff wrote it in processes/hotline-call-classification.dmn. */
class HotlineCallClassificationDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision classification;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = HotlineCallClassificationDecisionTest.class.getResourceAsStream(
        "/processes/hotline-call-classification.dmn")) {
      classification = dmn.parseDecision(HotlineCallProcess.CLASSIFICATION_DECISION, model);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, danger={2}, child={3}, follow-up={4} -> {5}, sos={6}, {7}, call back={8} within {9}")
  @CsvSource(nullValues = "null", value = {
      // caller,           topic,                 danger, child, followUp, type,          sos,   category,            callBack, within
      "relative-or-friend, domestic-violence,     true,   false, false,    sos,           true,  domestic-violence,   true,     PT2H",
      "possible-victim,    working-abroad,        true,   false, false,    sos,           true,  trafficking,         true,     PT2H",
      "other,              migration-info,        true,   true,  false,    sos,           true,  trafficking,         true,     PT2H",
      "relative-or-friend, trafficking-suspicion, false,  false, false,    sos,           true,  trafficking,         true,     PT24H",
      "professional,       trafficking-suspicion, false,  true,  true,     sos,           true,  trafficking,         true,     PT24H",
      "relative-or-friend, missing-person,        false,  false, false,    sos,           true,  trafficking,         true,     PT24H",
      "possible-victim,    domestic-violence,     false,  true,  false,    sos,           true,  domestic-violence,   true,     PT24H",
      "possible-victim,    domestic-violence,     false,  false, false,    consultation,  false, null,                false,    PT48H",
      "possible-victim,    domestic-violence,     false,  false, true,     consultation,  false, null,                true,     PT48H",
      "possible-victim,    working-abroad,        false,  false, true,     consultation,  false, null,                true,     PT48H",
      "professional,       other,                 false,  false, false,    consultation,  false, null,                false,    PT48H",
      "professional,       migration-info,        false,  false, true,     consultation,  false, null,                true,     PT48H",
      "relative-or-friend, working-abroad,        false,  false, true,     information,   false, null,                false,    null",
      "possible-victim,    migration-info,        false,  false, true,     information,   false, null,                false,    null",
      "other,              other,                 false,  false, false,    information,   false, null,                false,    null",
  })
  void classifiesACall(String callerType, String topic, boolean danger, boolean child, boolean followUp, String callType,
      boolean sos, String category, boolean callBack, String within) {
    DmnDecisionResultEntries result = evaluate(callerType, topic, danger, child, followUp);

    assertThat(result.<String>getEntry(CALL_TYPE.name())).isEqualTo(callType);
    assertThat(result.<Boolean>getEntry(SOS.name())).isEqualTo(sos);
    assertThat(result.get(CASE_CATEGORY.name())).isEqualTo(category);
    assertThat(result.<Boolean>getEntry(CALL_BACK_NEEDED.name())).isEqualTo(callBack);
    assertThat(result.get(CALL_BACK_WITHIN.name())).isEqualTo(within);
  }

  @Test
  void everyCallIsClassifiedAndEverySosCaseIsCalledBackWithACaseCategory() {
    for (String caller : new String[] {"possible-victim", "relative-or-friend", "professional", "other"}) {
      for (String topic : new String[] {"working-abroad", "trafficking-suspicion", "domestic-violence", "missing-person",
          "migration-info", "other"}) {
        for (boolean danger : new boolean[] {false, true}) {
          for (boolean child : new boolean[] {false, true}) {
            DmnDecisionResultEntries result = evaluate(caller, topic, danger, child, false);
            assertThat(result.<String>getEntry(CALL_TYPE.name())).as(caller + "/" + topic).isIn(HotlineCallProcess.CALL_TYPES);
            if (result.<Boolean>getEntry(SOS.name())) {
              assertThat(result.<String>getEntry(CALL_TYPE.name())).isEqualTo("sos");
              assertThat(result.<Boolean>getEntry(CALL_BACK_NEEDED.name())).isTrue();
              assertThat(result.<String>getEntry(CASE_CATEGORY.name())).isIn("trafficking", "domestic-violence");
              assertThat(result.<String>getEntry(CALL_BACK_WITHIN.name())).startsWith("PT");
            }
            if (danger) {
              assertThat(result.<Boolean>getEntry(SOS.name())).as("danger is always an SOS case").isTrue();
            }
          }
        }
      }
    }
  }

  private static DmnDecisionResultEntries evaluate(String callerType, String topic, boolean danger, boolean child,
      boolean followUp) {
    Map<String, Object> call = new HashMap<>();
    call.put(CALLER_TYPE.name(), callerType);
    call.put(TOPIC.name(), topic);
    call.put(REGION.name(), "moldova");
    call.put(IMMEDIATE_DANGER.name(), danger);
    call.put(MINOR_INVOLVED.name(), child);
    call.put(FOLLOW_UP_AGREED.name(), followUp);
    return dmn.evaluateDecision(classification, call).getSingleResult();
  }
}
