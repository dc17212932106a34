package md.nrs.referral.assistance;

import java.util.List;
import md.nrs.referral.engine.CaseVariables;
import md.nrs.referral.engine.ProcessContract;
import md.nrs.referral.engine.ProcessVariable;

/**
 * Contract of fixture-case-calls-service (fixtures/case-calling-a-service.bpmn): a case holding its needs that calls
 * one assistance service the way nrs-case does, for the validation gate and the test of the needs summary.
 */
@ProcessContract
public final class FixtureCaseCallingAServiceProcess {

  public static final String KEY = "fixture-case-calls-service";

  public static final ProcessVariable<String> CASE_CODE = CaseVariables.CASE_CODE;
  public static final ProcessVariable<String> SERVICE_TYPE = ProcessVariable.text("serviceType");
  public static final ProcessVariable<String> LOCATION = ProcessVariable.text("location");
  public static final ProcessVariable<Boolean> MINOR = CaseVariables.MINOR;
  public static final ProcessVariable<String> SEX = ProcessVariable.text("sex");
  /** The case's needs: never passed to the service, read by it for the provider the person consented to. */
  public static final ProcessVariable<List<String>> PLANNED_SERVICES = ProcessVariable.textList("plannedServices");
  public static final ProcessVariable<Boolean> SHELTER_NEEDED = ProcessVariable.flag("shelterNeeded");
  public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.text("planSummary");

  private FixtureCaseCallingAServiceProcess() {
  }
}
