package md.nrs.referral.justice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.RequiredWhen;

/** The police answer the referral (in Tasklist or by a signed callback): a criminal case opened, with its number, or not. */
@FormContract(CriminalJusticeProcess.FORM_POLICE_ANSWER)
@RequiredWhen(field = "criminalCaseNumber", when = "criminalCaseOpened", is = "true", message = "is required when a criminal case is opened")
public record AnswerPoliceReferralForm(
    @NotNull(message = "say whether a criminal case is opened") Boolean criminalCaseOpened,
    @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9./-]+", message = "letters, digits, dots, slashes and dashes only")
    String criminalCaseNumber) {
}
