package md.nrs.referral.persons;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** The coordinator's answer to a possible duplicate: the same person (link the cases) or not. */
@FormContract(PossibleDuplicateProcess.FORM_DECIDE)
public record DecidePossibleDuplicateForm(
    @NotNull(message = "choose whether it is the same person")
    @OneOf({PossibleDuplicateProcess.SAME_PERSON, PossibleDuplicateProcess.NOT_SAME}) String duplicateDecision,
    @Size(max = 2000) String duplicateNote) {
}
