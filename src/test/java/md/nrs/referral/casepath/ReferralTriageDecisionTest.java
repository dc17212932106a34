package md.nrs.referral.casepath;

import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.GUARDIANSHIP_ALERT;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.PATHWAY;
import static md.nrs.referral.casepath.NrsCaseProcess.REPATRIATION_NEEDED;
import static md.nrs.referral.casepath.NrsCaseProcess.RESPONSIBLE_TEAM;
import static md.nrs.referral.casepath.NrsCaseProcess.URGENCY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The referral-triage table as policy staff wrote it in processes/referral-triage.dmn, evaluated by the DMN engine. */
class ReferralTriageDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision triage;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ReferralTriageDecisionTest.class.getResourceAsStream("/processes/referral-triage.dmn")) {
      triage = dmn.parseDecision("referral-triage", model);
    }
  }

  @ParameterizedTest(name = "minor={0}, {1}, {2}, danger={3} -> {4}, {5}, repatriate={6}, alert={7}, {8}")
  @CsvSource({
      // minor, location,     category,              danger, urgency,     pathway,                repatriate, alert, team
      "false, moldova,      trafficking,           false,  standard,    adult,                  false,      false, mdt-chisinau",
      "false, moldova,      trafficking,           true,   immediate,   adult,                  false,      false, mdt-chisinau",
      "true,  moldova,      trafficking,           false,  immediate,   child,                  false,      true,  mdt-chisinau",
      "true,  abroad,       domestic-violence,     false,  immediate,   child,                  true,       true,  iom",
      "false, abroad,       trafficking,           false,  urgent,      adult,                  true,       false, iom",
      "false, transnistria, trafficking,           false,  standard,    adult,                  false,      false, interaction",
      "false, moldova,      domestic-violence,     false,  urgent,      domestic-violence,      false,      false, mdt-chisinau",
      "false, abroad,       stranded-migrant,      false,  urgent,      stranded-migrant,       true,       false, iom",
      "false, transnistria, person-in-difficulty,  false,  standard,    person-in-difficulty,   false,      false, interaction",
  })
  void triagesAReferral(boolean minor, String location, String category, boolean danger, String urgency,
      String pathway, boolean repatriate, boolean alert, String team) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(triage, Map.of(
        MINOR.name(), minor, LOCATION.name(), location,
            CATEGORY.name(), category, IMMEDIATE_DANGER.name(), danger)).getSingleResult();

    assertThat(result.<String>getEntry(URGENCY.name())).isEqualTo(urgency);
    assertThat(result.<String>getEntry(PATHWAY.name())).isEqualTo(pathway);
    assertThat(result.<Boolean>getEntry(REPATRIATION_NEEDED.name())).isEqualTo(repatriate);
    assertThat(result.<Boolean>getEntry(GUARDIANSHIP_ALERT.name())).isEqualTo(alert);
    assertThat(result.<String>getEntry(RESPONSIBLE_TEAM.name())).isEqualTo(team);
  }

  @Test
  void everyChildAlertsTheGuardianshipAuthorityWhateverElseIsTrue() {
    for (String location : new String[] {"moldova", "transnistria", "abroad"}) {
      for (String category : new String[] {"trafficking", "domestic-violence", "stranded-migrant", "person-in-difficulty"}) {
        var result = dmn.evaluateDecision(triage, Map.of(
            MINOR.name(), true, LOCATION.name(), location,
                CATEGORY.name(), category, IMMEDIATE_DANGER.name(), false)).getSingleResult();
        assertThat(result.<Boolean>getEntry(GUARDIANSHIP_ALERT.name())).as(location + "/" + category).isTrue();
        assertThat(result.<String>getEntry(URGENCY.name())).as(location + "/" + category).isEqualTo("immediate");
      }
    }
  }

  @ParameterizedTest(name = "{0} -> the directory is asked for {1} in {2}")
  @CsvSource({
      // location,  service asked,  district asked (empty: the referral's)
      "moldova,      identification, ",
      "transnistria, identification, transnistria",
      "abroad,       ,               ",
  })
  void triageSaysWhichKindOfTeamAndTheDirectoryWhichTeam(String location, String service, String district) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(triage, Map.of(
        MINOR.name(), false, LOCATION.name(), location, CATEGORY.name(), "trafficking", IMMEDIATE_DANGER.name(), false))
        .getSingleResult();

    assertThat(result.<String>getEntry("teamService")).isEqualTo(service);
    assertThat(result.<String>getEntry("teamDistrict")).isEqualTo(district);
  }
}
