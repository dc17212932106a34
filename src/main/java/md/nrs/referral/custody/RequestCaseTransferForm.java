package md.nrs.referral.custody;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The start form in Tasklist: which case (its code only), what moves, to which team and why — codes, no note
 * about the person. Who may ask and whether the team is active in the directory is checked by
 * {@link CheckTransferRequest} inside the engine.
 */
@FormContract(CaseTransferProcess.FORM_REQUEST_TRANSFER)
public record RequestCaseTransferForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotBlank(message = "say what moves: case or a service type") @Pattern(regexp = "[a-z][a-z-]{0,29}",
        message = "must be case or a service type like legal") String transferScope,
    @NotBlank(message = "name the team that is to take the case over") @Size(max = 64) String toTeam,
    @NotNull(message = "give the reason for the transfer") @OneOf({"returned-home", "moved-district", "better-placed",
        "team-cannot-continue"}) String transferReason) {
}
