package md.nrs.referral.dvpilot;

import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CASE_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.CONSECUTIVE_ABSENCES;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.COUNSELLOR_AGENCY;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_ID;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_KIND;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.GROUP_STARTS_ON;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.HOLDS_PLACE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.NRS_CASE_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.PARTICIPANT_CODE;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.SESSIONS_ATTENDED;
import static md.nrs.referral.dvpilot.DvGroupCounsellingProcess.TOTAL_ABSENCES;

import md.nrs.referral.engine.PlatformClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives the participant their pseudonymous code (the NRS case code if they are a case, else a new pilot code,
 * also the business key) and copies the chosen group's kind, counsellor agency and start date from the group
 * directory, so that the model can check the kind and route the tasks. An unknown group leaves the kind empty:
 * the kind rule then refuses the enrolment.
 */
@Component("assignParticipantCode")
public class AssignParticipantCode implements JavaDelegate {

  private final ParticipantCodes codes;
  private final DvGroups groups;

  public AssignParticipantCode(ParticipantCodes codes, DvGroups groups) {
    this.codes = codes;
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String nrsCase = NRS_CASE_CODE.get(execution);
    String code = nrsCase == null || nrsCase.isBlank() ? codes.next(PlatformClock.now()) : nrsCase;
    PARTICIPANT_CODE.set(execution, code);
    CASE_CODE.set(execution, code);
    execution.setProcessBusinessKey(code);
    SESSIONS_ATTENDED.set(execution, 0);
    TOTAL_ABSENCES.set(execution, 0);
    CONSECUTIVE_ABSENCES.set(execution, 0);
    HOLDS_PLACE.set(execution, true);
    groups.find(GROUP_ID.get(execution)).ifPresent(group -> {
      GROUP_KIND.set(execution, group.getKind());
      COUNSELLOR_AGENCY.set(execution, group.getCounsellorAgency());
      GROUP_STARTS_ON.set(execution, group.getStartsOn());
    });
  }
}
