package md.nrs.referral.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.testing.FormRecords;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Cases as a manager finds them in Cockpit: referrals waiting for their identification interview (some past
 * their time limit) and one case whose interview is done, with a note the team typed.
 */
final class ManagersCases {

  static final String NOTE = "Note-7c1e: she fears her employer, call only on the shelter phone";

  private final ProcessEngine engine;

  ManagersCases(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A new adult referral from an NGO; the case waits for its identification interview by the territorial team. */
  ProcessInstance refer() {
    RegisterReferralForm referral = new RegisterReferralForm("ngo", "moldova", null, "trafficking", "18+", false,
        "female", false, "Referred by an NGO");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, FormRecords.variables(referral));
  }

  /** Moves the interview's due date into the past, as if the team had let it wait that long. */
  void overdue(ProcessInstance instance, Duration by) {
    Task interview = task(instance, NrsCaseProcess.Elements.IDENTIFICATION);
    interview.setDueDate(Date.from(Instant.now().minus(by)));
    engine.getTaskService().saveTask(interview);
  }

  /** The team's interview, with its free-text note; the case goes on to informed consent. */
  void interview(ProcessInstance instance) {
    IdentificationInterviewForm form = new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
        List.of("labour"), "presumed-victim", null, NOTE);
    engine.getFormService().submitTaskForm(task(instance, NrsCaseProcess.Elements.IDENTIFICATION).getId(),
        FormRecords.variables(form));
  }

  Task task(ProcessInstance instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step)
        .singleResult();
  }
}
