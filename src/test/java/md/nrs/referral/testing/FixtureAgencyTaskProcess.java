package md.nrs.referral.testing;

import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of the test fixture fixtures/agency-task.bpmn (one task for the agency the caller names), so
 * that the validation gate knows the variable its candidate group reads.
 */
@ProcessContract
public final class FixtureAgencyTaskProcess {

  public static final String KEY = "fixture-agency-task";

  /** Group id of the agency the task is for. */
  public static final ProcessVariable<String> AGENCY = ProcessVariable.text("agency");

  private FixtureAgencyTaskProcess() {
  }
}
