package md.nrs.referral.assistance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The provider agency accepts or rejects a service referral; a rejection needs a reason. */
@FormContract(AssistanceServiceProcess.FORM_ANSWER_REFERRAL)
@RequiredWhen(field = "rejectionReason", when = "providerAnswer", is = "reject",
    message = "is required when the referral is rejected")
public record AnswerServiceReferralForm(
    @NotNull(message = "choose accept or reject") @OneOf({"accept", "reject"}) String providerAnswer,
    @Size(max = 1000) String rejectionReason) {
}
