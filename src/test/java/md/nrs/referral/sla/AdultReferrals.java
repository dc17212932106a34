package md.nrs.referral.sla;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The SLA tests' referral: an adult, not in immediate danger, registered through the nrs-case start form. */
final class AdultReferrals {

  private AdultReferrals() {
  }

  static ProcessInstance refer(ProcessEngine engine) {
    Map<String, Object> referral = new HashMap<>();
    referral.put("channel", "ngo");
    referral.put("location", "moldova");
    referral.put("category", "trafficking");
    referral.put("minor", false);
    referral.put("ageBand", "18+");
    referral.put("sex", "female");
    referral.put("immediateDanger", false);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(NrsCaseProcess.KEY).latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, referral);
  }
}
