package md.nrs.referral.childprotection;

import jakarta.validation.constraints.NotNull;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The guardianship authority appoints or confirms the child's legal representative: a parent, a relative,
 * a legal guardian, or itself. A representative suspected of involvement in the trafficking is excluded and
 * the guardianship authority represents the child ({@link ExcludeRepresentative}).
 */
@FormContract(ChildProtectionProcess.FORM_APPOINT_REPRESENTATIVE)
public record AppointRepresentativeForm(
    @NotNull(message = "choose one") @OneOf({"parent", "relative", "legal-guardian",
        ChildProtectionProcess.GUARDIANSHIP_AUTHORITY_REPRESENTS}) String representativeRole,
    boolean representativeSuspected) {
}
