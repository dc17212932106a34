package md.nrs.referral.foreignvictims;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The supporting agency applies for the provisional stay right of a foreign victim (Law 200/2010 as amended by Law
 * 236/2012) and records the answer: granted (from a day, six months, renewable), refused (why), or not needed (the
 * person already has a right to stay, e.g. a visa-free stay or a residence permit).
 */
@FormContract(ForeignVictimProcess.FORM_PROVISIONAL_STAY)
@RequiredWhen(field = "stayGrantedOn", when = "stayDecision", is = "granted", message = "is required: the day the stay right was granted")
@RequiredWhen(field = "stayNote", when = "stayDecision", is = "refused", message = "is required when the stay is refused: say why")
public record ApplyForProvisionalStayForm(
    @NotNull(message = "choose granted, refused or not-needed") @OneOf({"granted", "refused", "not-needed"}) String stayDecision,
    @PastOrPresent(message = "cannot be in the future") LocalDate stayGrantedOn,
    @Size(max = 1000) String stayNote) {
}
