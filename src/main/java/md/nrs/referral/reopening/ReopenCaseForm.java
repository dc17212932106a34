package md.nrs.referral.reopening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The start form in Tasklist: which closed case (its code only), why it is reopened and, if it changed, where the
 * person is now — codes, no note about the person. The rest is checked by {@link CheckReopeningRequest}.
 */
@FormContract(CaseReopeningProcess.FORM_REOPEN_CASE)
public record ReopenCaseForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotNull(message = "give the reason for reopening the case") @OneOf({"asked-for-help-again", "re-trafficked",
        "unmet-needs", "closed-in-error"}) String reopeningReason,
    @OneOf({"moldova", "transnistria", "abroad"}) String location) {
}
