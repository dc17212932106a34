package md.nrs.referral.coordination;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The agency reports on its action item from the coordination meeting. */
@FormContract(CoordinationMeetingProcess.FORM_ACTION_ITEM)
@RequiredWhen(field = "actionNote", when = "actionOutcome", is = "not-done", message = "is required when the action was not done: say why")
public record ReportActionItemForm(
    @NotNull(message = "choose how far the action item was carried out") @OneOf({"done", "partly-done", "not-done"}) String actionOutcome,
    @Size(max = 1000, message = "at most 1000 characters") String actionNote) {
}
