package md.nrs.referral.foreignvictims;

import static md.nrs.referral.foreignvictims.ForeignVictimProcess.CASE_CODE;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.NATIONALITY;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.ORIGIN_PARTNER;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.RETURN_AGENCY;
import static md.nrs.referral.foreignvictims.ForeignVictimProcess.RETURN_ON;

import java.util.List;
import md.nrs.referral.agencies.AgencyNotification;
import md.nrs.referral.agencies.AgencyNotifications;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.crossborder.PartnerSharingConsent;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The partner in the country of origin hears of the return, through its channel, case code and day of travel only,
 * and only with the person's consent to share the case with it abroad; without it nothing is sent and IOM is told to
 * hand over in person. The partner must be an active partner abroad of the directory in the person's country:
 * otherwise the return step is refused (400 naming originPartner) and nothing changes.
 */
@Component("tellOriginPartner")
public class TellOriginPartner implements JavaDelegate {

  private final Agencies agencies;
  private final PartnerSharingConsent consent;
  private final AgencyNotifications notifications;

  public TellOriginPartner(Agencies agencies, PartnerSharingConsent consent, AgencyNotifications notifications) {
    this.agencies = agencies;
    this.consent = consent;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String partner = ORIGIN_PARTNER.get(execution);
    String country = NATIONALITY.get(execution);
    if (!agencies.countryOfActivePartnerAbroad(partner).map(country::equals).orElse(false)) {
      throw new InvalidFormException(ForeignVictimProcess.FORM_ASSISTED_RETURN, List.of(new FieldError("originPartner",
          "is not an active partner abroad of the directory in the person's country (" + country + ")")));
    }
    String caseCode = CASE_CODE.get(execution);
    ForeignVictimProcess.OUTCOME.set(execution, ForeignVictimProcess.OUTCOME_RETURNED);
    boolean allowed = consent.allowsSharing(caseCode, partner);
    ForeignVictimProcess.ORIGIN_PARTNER_TOLD.set(execution, allowed);
    if (allowed) {
      notifications.notify(new AgencyNotification(partner, caseCode, ForeignVictimProcess.Elements.TELL_ORIGIN_PARTNER,
          "Assisted return organised by " + RETURN_AGENCY.get(execution) + ", travelling on " + RETURN_ON.get(execution)
              + ": please receive and assist the person", null, execution.getProcessInstanceId()));
    } else {
      notifications.notify(new AgencyNotification(RETURN_AGENCY.get(execution), caseCode,
          ForeignVictimProcess.Elements.TELL_ORIGIN_PARTNER, partner + " was not told of the return: the person has not"
              + " consented to sharing the case with it. Hand over in person.", null, execution.getProcessInstanceId()));
    }
  }
}
