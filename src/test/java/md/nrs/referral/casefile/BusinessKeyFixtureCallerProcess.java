package md.nrs.referral.casefile;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/** Contract of fixture-calls-agency-task (fixtures/business-key-starts.bpmn), for the validation gate. */
@ProcessContract
public final class BusinessKeyFixtureCallerProcess {

  public static final String KEY = "fixture-calls-agency-task";

  /** Passed to the called fixture-agency-task. */
  public static final ProcessVariable<String> AGENCY = ProcessVariable.text("agency");

  private BusinessKeyFixtureCallerProcess() {
  }
}
