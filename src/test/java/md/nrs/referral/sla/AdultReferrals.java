package md.nrs.referral.sla;

import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import md.nrs.referral.casepath.RegisterReferralForm;
import md.nrs.referral.testing.FormSubmission;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The SLA tests' referral: an adult, not in immediate danger, registered through the nrs-case start form. */
final class AdultReferrals {

  private AdultReferrals() {
  }

  static ProcessInstance refer(ProcessEngine engine) {
    Map<String, Object> referral = FormSubmission.of(new RegisterReferralForm("ngo", "moldova", null, "trafficking",
        "18+", false, "female", false, null));
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, referral);
  }
}
