package md.nrs.referral.casepath;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.PersonalData;
import md.nrs.referral.forms.PhoneNumber;
import md.nrs.referral.forms.RequiredWhen;
import md.nrs.referral.forms.ShownFromProcess;

/**
 * Informed consent, asked separately: to assistance, to sharing with each agency, to informing law
 * enforcement, to informing a partner abroad. The agencies offered are the directory's active agencies and teams
 * (the form names the list {@code directoryAgencies}). Assistance never depends on the last two. A refusal needs
 * its reason. The answers go to the consent registry. The person's details (optional: anonymous cases
 * are allowed) are {@link PersonalData}: they go to the encrypted vault and never become process variables.
 * For a child ({@code minor}, shown from the case) the legal representative, or the guardianship authority as
 * the appointed representative, gives consent, and the child's own views are recorded as the child's age allows.
 * Consent to inform law enforcement is acted on after the recovery and reflection period unless the person asks
 * for the police to be told now ({@code policeDuringReflectionPeriod}).
 */
@FormContract(NrsCaseProcess.FORM_CONSENT)
@RequiredWhen(field = "refusalReason", when = "consentToAssistance", is = "refused", message = "is required when assistance is refused")
@RequiredWhen(field = "consentGivenBy", when = "minor", is = "true", message = "is required for a child")
@RequiredWhen(field = "childViews", when = "minor", is = "true", message = "is required for a child")
public record InformedConsentForm(
    @AssertTrue(message = "the person must have been informed of their rights before deciding") boolean informationGiven,
    @NotNull(message = "choose given or refused") @OneOf({"given", "refused"}) String consentToAssistance,
    // the form offers the directory's active agencies and teams; ConsentFormListener refuses any other
    List<@Pattern(regexp = "[a-z][a-z0-9-]{1,63}", message = "must be the id of an agency of the directory") String> shareWithAgencies,
    boolean informLawEnforcement,
    boolean informPartnerAbroad,
    @Size(max = 1000) String refusalReason,
    @PersonalData("givenName") @Size(max = 100) String personGivenName,
    @PersonalData("familyName") @Size(max = 100) String personFamilyName,
    @PersonalData("dateOfBirth") @Past(message = "must be in the past") LocalDate personDateOfBirth,
    @PersonalData("phone") @PhoneNumber String personPhone,
    @PersonalData("email") @Email(message = "is not an e-mail address") @Size(max = 200) String personEmail,
    @PersonalData("address") @Size(max = 500) String personAddress,
    @PersonalData("documentType") @OneOf({"passport", "identity-card", "birth-certificate", "travel-document", "none"}) String personDocumentType,
    @PersonalData("documentNumber") @Size(max = 50) String personDocumentNumber,
    @PersonalData("familyContact") @Size(max = 500) String personFamilyContact,
    @ShownFromProcess Boolean minor,
    @OneOf({"legal-representative", "guardianship-authority"}) String consentGivenBy,
    @OneOf({"heard-agrees", "heard-disagrees", "too-young"}) String childViews,
    Boolean policeDuringReflectionPeriod) {

  /** Consent with a child's representative and views, the police told (if at all) after the reflection period. */
  public InformedConsentForm(boolean informationGiven, String consentToAssistance, List<String> shareWithAgencies,
      boolean informLawEnforcement, boolean informPartnerAbroad, String refusalReason, String personGivenName,
      String personFamilyName, LocalDate personDateOfBirth, String personPhone, String personEmail, String personAddress,
      String personDocumentType, String personDocumentNumber, String personFamilyContact, Boolean minor,
      String consentGivenBy, String childViews) {
    this(informationGiven, consentToAssistance, shareWithAgencies, informLawEnforcement, informPartnerAbroad, refusalReason,
        personGivenName, personFamilyName, personDateOfBirth, personPhone, personEmail, personAddress, personDocumentType,
        personDocumentNumber, personFamilyContact, minor, consentGivenBy, childViews, null);
  }

  /** Consent of an adult: no representative, no child's views. */
  public InformedConsentForm(boolean informationGiven, String consentToAssistance, List<String> shareWithAgencies,
      boolean informLawEnforcement, boolean informPartnerAbroad, String refusalReason, String personGivenName,
      String personFamilyName, LocalDate personDateOfBirth, String personPhone, String personEmail, String personAddress,
      String personDocumentType, String personDocumentNumber, String personFamilyContact) {
    this(informationGiven, consentToAssistance, shareWithAgencies, informLawEnforcement, informPartnerAbroad, refusalReason,
        personGivenName, personFamilyName, personDateOfBirth, personPhone, personEmail, personAddress, personDocumentType,
        personDocumentNumber, personFamilyContact, null, null, null, null);
  }
}
