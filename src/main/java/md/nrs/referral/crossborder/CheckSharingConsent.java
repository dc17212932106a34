package md.nrs.referral.crossborder;

import java.util.List;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The partner must be an active partner abroad of the agency directory (region abroad, with a country), else the
 * request is refused naming partnerAgency and nothing is created; then: has the person consented to sharing the case
 * with this partner? Asked again for each partner.
 */
@Component("checkSharingConsent")
public class CheckSharingConsent implements JavaDelegate {

  private final PartnerSharingConsent consent;
  private final Agencies agencies;

  public CheckSharingConsent(PartnerSharingConsent consent, Agencies agencies) {
    this.consent = consent;
    this.agencies = agencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (agencies.countryOfActivePartnerAbroad(OutboundReferralProcess.PARTNER_AGENCY.get(execution)).isEmpty()) {
      throw new InvalidFormException(OutboundReferralProcess.FORM_REQUEST, List.of(new FieldError("partnerAgency",
          "is not an active partner abroad of the agency directory")));
    }
    OutboundReferralProcess.CONSENT_TO_SHARE.set(execution, consent.allowsSharing(
        OutboundReferralProcess.CASE_CODE.get(execution), OutboundReferralProcess.PARTNER_AGENCY.get(execution)));
  }
}
