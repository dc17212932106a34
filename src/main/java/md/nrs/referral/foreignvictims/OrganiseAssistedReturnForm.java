package md.nrs.referral.foreignvictims;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;

/**
 * IOM organises the assisted return: the partner in the country of origin that receives the person (an agency of the
 * directory abroad, in the person's country; checked when the step completes) and the day of travel.
 */
@FormContract(ForeignVictimProcess.FORM_ASSISTED_RETURN)
public record OrganiseAssistedReturnForm(
    @NotBlank(message = "name the partner in the country of origin") @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]",
        message = "is an agency id of the directory") String originPartner,
    @NotNull(message = "give the day of travel") @FutureOrPresent(message = "cannot be in the past") LocalDate returnOn,
    @Size(max = 1000) String returnNote) {
}
