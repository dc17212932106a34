package md.nrs.referral.hotline;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.util.HashMap;
import java.util.Map;
import md.nrs.referral.casefile.CaseCodes;
import md.nrs.referral.casefile.PlatformStarts;
import md.nrs.referral.casepath.NrsCaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An SOS call becomes an NRS case: the case starts with the register-referral facts the call gave
 * (channel: the operator's line, location: the caller's region), and its code is noted on the call, as
 * business key too, so the call-back task and Cockpit show it. The case starts in the same transaction:
 * no SOS call without its case.
 */
@Component("startNrsCaseFromCall")
public class StartNrsCaseFromCall implements JavaDelegate {

  /** RegisterReferralForm asks for the country of a person abroad; a call often does not say it. */
  static final String COUNTRY_NOT_GIVEN = "not given on the call";

  private final CaseCodes caseCodes;

  public StartNrsCaseFromCall(CaseCodes caseCodes) {
    this.caseCodes = caseCodes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String region = HotlineCallProcess.REGION.get(execution);
    Map<String, Object> referral = new HashMap<>(Map.ofEntries(
        NrsCaseProcess.CHANNEL.is(HotlineCallProcess.channelOf(HotlineCallProcess.OPERATOR_AGENCY.get(execution))),
        NrsCaseProcess.LOCATION.is(region),
        NrsCaseProcess.CATEGORY.is(HotlineCallProcess.CASE_CATEGORY.get(execution)),
        NrsCaseProcess.MINOR.is(HotlineCallProcess.MINOR_INVOLVED.getOrDefault(execution, false)),
        NrsCaseProcess.SEX.is("unknown"),
        // a caller rarely knows the age; "unknown" agrees with either answer to "a child?"
        NrsCaseProcess.AGE_BAND.is("unknown"),
        NrsCaseProcess.IMMEDIATE_DANGER.is(HotlineCallProcess.IMMEDIATE_DANGER.getOrDefault(execution, false))));
    if ("abroad".equals(region)) {
      referral.put(NrsCaseProcess.COUNTRY.name(), COUNTRY_NOT_GIVEN);
    }
    String summary = HotlineCallProcess.CALL_SUMMARY.get(execution);
    referral.put(NrsCaseProcess.REFERRAL_SUMMARY.name(), summary == null || summary.isBlank()
        ? "SOS call" : truncate("SOS call: " + summary, 2000));
    String code = caseCodes.next();
    // The classification table decided on the case, not the operator's own rights: the operator may
    // record calls without being allowed to start cases by hand.
    ProcessInstance nrsCase = asPlatform(execution.getProcessEngineServices(), () -> PlatformStarts.withBusinessKey(code,
        () -> execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(NrsCaseProcess.KEY, code,
            referral)));
    HotlineCallProcess.CASE_CODE.set(execution, nrsCase.getBusinessKey());
    execution.setProcessBusinessKey(nrsCase.getBusinessKey());
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
