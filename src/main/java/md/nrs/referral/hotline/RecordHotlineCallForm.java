package md.nrs.referral.hotline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/**
 * The start form: what the operator notes about a call. Anonymous by design: no name, phone number or
 * address of the caller. The operator's agency is not a field: it comes from the operator's group.
 */
@FormContract(HotlineCallProcess.FORM_RECORD_CALL)
public record RecordHotlineCallForm(
    @NotNull(message = "choose the language of the call") @OneOf({"ro", "ru"}) String callLanguage,
    @NotNull(message = "choose who called") @OneOf({"possible-victim", "relative-or-friend", "professional", "other"})
    String callerType,
    @NotNull(message = "choose the topic") @OneOf({"working-abroad", "trafficking-suspicion", "domestic-violence",
        "missing-person", "migration-info", "other"}) String topic,
    @NotNull(message = "choose where the person concerned is") @OneOf({"moldova", "transnistria", "abroad"}) String region,
    boolean immediateDanger,
    boolean minorInvolved,
    boolean followUpAgreed,
    @Size(max = 1000, message = "at most 1000 characters") String callSummary) {
}
