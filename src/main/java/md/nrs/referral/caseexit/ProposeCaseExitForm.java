package md.nrs.referral.caseexit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The start form in Tasklist: which case (its code only) and why it should end. No note: a free text about a
 * person who died or vanished is personal data. The rest (open step, attempts needed) is checked by
 * {@link CheckProposal} inside the engine.
 */
@FormContract(CaseExitProcess.FORM_PROPOSE_EXIT)
public record ProposeCaseExitForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotNull(message = "give the reason for ending the case") @OneOf({"not-a-victim", "lost-contact", "deceased",
        "re-trafficked", "moved-abroad", "refuses-assistance", "transferred-to-another-nrs", "consent-withdrawn"})
    String exitReason,
    @Min(value = 0, message = "must be 0 or more") Integer contactAttempts) {
}
