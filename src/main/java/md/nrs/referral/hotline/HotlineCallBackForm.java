package md.nrs.referral.hotline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The call-back: whether the operator reached the caller, and a short non-identifying note. */
@FormContract(HotlineCallProcess.FORM_CALL_BACK)
public record HotlineCallBackForm(
    @NotNull(message = "choose how the call-back went") @OneOf({"reached", "not-reached", "caller-declined"})
    String callBackOutcome,
    @Size(max = 1000, message = "at most 1000 characters") String callBackNote) {
}
