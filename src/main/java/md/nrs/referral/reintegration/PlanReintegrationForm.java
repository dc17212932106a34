package md.nrs.referral.reintegration;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The responsible team chooses the reintegration programmes (at least one). The note must not name the person. */
@FormContract(ReintegrationProcess.FORM_PLAN)
public record PlanReintegrationForm(
    @NotEmpty(message = "choose at least one programme")
    List<@OneOf({"family-community", "education", "vocational-training", "employment"}) String> programmes,
    @Size(max = 1000) String planNote) {
}
