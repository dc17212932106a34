package md.nrs.referral.testing;

import static md.nrs.referral.casepath.NrsCaseProcess.AGE_BAND;
import static md.nrs.referral.casepath.NrsCaseProcess.CATEGORY;
import static md.nrs.referral.casepath.NrsCaseProcess.CHANNEL;
import static md.nrs.referral.casepath.NrsCaseProcess.IMMEDIATE_DANGER;
import static md.nrs.referral.casepath.NrsCaseProcess.LOCATION;
import static md.nrs.referral.casepath.NrsCaseProcess.MINOR;
import static md.nrs.referral.casepath.NrsCaseProcess.SEX;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * An adult woman's case in Moldova, started by the platform under a code of its own, identified as a presumed victim of
 * labour exploitation and with the consent the test names: where the paths that start on consent (justice, partners
 * abroad) begin.
 */
public final class IdentifiedCases {

  private IdentifiedCases() {
  }

  /** Returns the case code. */
  public static String withConsent(ProcessEngine engine, CaseCodes caseCodes, InformedConsent consent) {
    String caseCode = caseCodes.next();
    ProcessInstance nrsCase = PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(NrsCaseProcess.KEY, caseCode, new HashMap<>(Map.of(CHANNEL.name(), "ngo",
            LOCATION.name(), "moldova", CATEGORY.name(), "trafficking", MINOR.name(), false, SEX.name(), "female",
            AGE_BAND.name(), "18+", IMMEDIATE_DANGER.name(), false))));
    TaskService tasks = engine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceId(nrsCase.getId()).singleResult().getId(), FormSubmission.of(
        new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"), List.of("labour"), "presumed-victim", null,
            null)));
    tasks.complete(tasks.createTaskQuery().processInstanceId(nrsCase.getId()).singleResult().getId(), consent.submission());
    return caseCode;
  }
}
