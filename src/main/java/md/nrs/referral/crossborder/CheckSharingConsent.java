package md.nrs.referral.crossborder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Has the person consented to sharing the case with this partner? Asked again for each partner. */
@Component("checkSharingConsent")
public class CheckSharingConsent implements JavaDelegate {

  private final PartnerSharingConsent consent;

  public CheckSharingConsent(PartnerSharingConsent consent) {
    this.consent = consent;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutboundReferralProcess.CONSENT_TO_SHARE.set(execution, consent.allowsSharing(
        OutboundReferralProcess.CASE_CODE.get(execution), OutboundReferralProcess.PARTNER_AGENCY.get(execution)));
  }
}
