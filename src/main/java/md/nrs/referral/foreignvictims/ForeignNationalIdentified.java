package md.nrs.referral.foreignvictims;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.engine.EveryUserTask;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The identification interview records a nationality other than Moldovan for an identified or presumed victim: the
 * foreign-victim path starts by message beside the case path (keyed on the form, so nrs-case carries no line for it
 * and its owner revises it freely). Once per case: a case already on the path, running or done, is not started again.
 * The supporting agency is the group the interview was offered to (the team that identified her).
 */
@Component
class ForeignNationalIdentified implements EveryUserTask {

  static final String MOLDOVA = "MD";

  private final String returnAgency;

  ForeignNationalIdentified(@Value("${nrs.foreign-victims.return-agency:iom}") String returnAgency) {
    this.returnAgency = returnAgency;
  }

  @Override
  public void onUserTask(UserTask userTask) {
    if (NrsCaseProcess.FORM_IDENTIFICATION.equals(userTask.formRef())) {
      userTask.on(TaskListener.EVENTNAME_COMPLETE, this::startIfForeign);
    }
  }

  void startIfForeign(DelegateTask task) {
    Object nationality = task.getVariable(ForeignVictimProcess.NATIONALITY.name());
    Object status = task.getVariable(NrsCaseProcess.VICTIM_STATUS.name());
    if (!(nationality instanceof String country) || country.isBlank() || MOLDOVA.equals(country)
        || !("identified-victim".equals(status) || "presumed-victim".equals(status))) {
      return;
    }
    String caseCode = task.getExecution().getProcessBusinessKey();
    ProcessEngineServices engine = task.getProcessEngineServices();
    asPlatform(engine, () -> {
      if (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ForeignVictimProcess.KEY)
          .processInstanceBusinessKey(caseCode).count() > 0) {
        return null;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(ForeignVictimProcess.CASE_CODE.name(), caseCode);
      variables.put(ForeignVictimProcess.NATIONALITY.name(), country);
      variables.put(ForeignVictimProcess.LANGUAGE.name(), task.getVariable(ForeignVictimProcess.LANGUAGE.name()));
      variables.put(ForeignVictimProcess.INTERPRETER_NEEDED.name(),
          Boolean.TRUE.equals(task.getVariable(ForeignVictimProcess.INTERPRETER_NEEDED.name())));
      variables.put(ForeignVictimProcess.MINOR.name(), Boolean.TRUE.equals(task.getVariable(ForeignVictimProcess.MINOR.name())));
      variables.put(ForeignVictimProcess.GUARDIANSHIP_AUTHORITY.name(),
          task.getVariable(ForeignVictimProcess.GUARDIANSHIP_AUTHORITY.name()));
      variables.put(ForeignVictimProcess.LOCATION.name(), task.getVariable(ForeignVictimProcess.LOCATION.name()));
      variables.put(ForeignVictimProcess.SUPPORTING_AGENCY.name(), identifyingTeam(task));
      variables.put(ForeignVictimProcess.RETURN_AGENCY.name(), returnAgency);
      return PlatformStarts.withBusinessKey(caseCode, () -> engine.getRuntimeService()
          .createMessageCorrelation(ForeignVictimProcess.MESSAGE_IDENTIFIED).processInstanceBusinessKey(caseCode)
          .setVariables(variables).correlateStartMessage());
    });
  }

  private static String identifyingTeam(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    return "nrs-coordinators";
  }
}
