package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.PersonalData;

/**
 * The guardianship authority appoints or confirms the child's legal representative: a parent, a relative,
 * a legal guardian, or itself. A representative suspected of involvement in the trafficking is excluded and
 * the guardianship authority represents the child ({@link ExcludeRepresentative}). The representative's name and
 * contact are {@link PersonalData}: they go to the vault, never into process variables. They stay optional, like the
 * person's own details: the engine's check sees the submission after they have been taken out of it.
 */
@FormContract(ChildProtectionProcess.FORM_APPOINT_REPRESENTATIVE)
public record AppointRepresentativeForm(
    @NotNull(message = "choose one") @OneOf({"parent", "relative", "legal-guardian",
        ChildProtectionProcess.GUARDIANSHIP_AUTHORITY_REPRESENTS}) String representativeRole,
    boolean representativeSuspected,
    @PersonalData("representativeName") @Size(max = 200) String representativeName,
    @PersonalData("representativeContact") @Size(max = 500) String representativeContact) {

  /** A representative whose name and contact are not (yet) known. */
  public AppointRepresentativeForm(String representativeRole, boolean representativeSuspected) {
    this(representativeRole, representativeSuspected, null, null);
  }
}
