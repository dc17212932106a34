package md.nrs.referral.reintegration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/** The agency running a programme reports how it went; a discontinued programme needs a note saying why. */
@FormContract(ReintegrationProcess.FORM_FOLLOW_PROGRAMME)
@RequiredWhen(field = "programmeNote", when = "programmeOutcome", is = "discontinued",
    message = "is required when the programme was discontinued: say why")
public record FollowReintegrationProgrammeForm(
    @NotNull(message = "choose the outcome") @OneOf({"completed", "discontinued", "ongoing-but-stable"}) String programmeOutcome,
    @Size(max = 1000) String programmeNote) {
}
