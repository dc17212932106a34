package md.nrs.referral.monitoring;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;

/** At the 18th birthday the responsible team records which adult service takes the young person over, and when. */
@FormContract(MonitoringProcess.FORM_HAND_OVER_TO_ADULT_SERVICES)
public record HandOverToAdultServicesForm(
    @NotNull(message = "choose who takes over")
    @OneOf({"community-social-workers", "territorial-social-assistance", "cap", "ngo-adult-services"}) String adultServiceTakingOver,
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate handedOverOn) {
}
