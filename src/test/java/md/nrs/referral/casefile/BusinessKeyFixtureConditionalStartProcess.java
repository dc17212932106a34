package md.nrs.referral.casefile;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/** Contract of fixture-conditional-start (fixtures/business-key-starts.bpmn), for the validation gate. */
@ProcessContract
public final class BusinessKeyFixtureConditionalStartProcess {

  public static final String KEY = "fixture-conditional-start";

  /** The condition that starts it. */
  public static final ProcessVariable<Boolean> WORK_WANTED = ProcessVariable.flag("fixtureWorkWanted");
  /** Group id of the agency its task is for. */
  public static final ProcessVariable<String> AGENCY = ProcessVariable.text("agency");

  private BusinessKeyFixtureConditionalStartProcess() {
  }
}
