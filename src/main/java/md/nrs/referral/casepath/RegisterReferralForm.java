package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The start form: how the referral came and the few facts triage needs. No name, birth date or
 * contact: those go to the personal-data store, never into the case's variables. An unknown or disputed
 * age makes the person a presumed child (minority-presumption.dmn) until the age assessment decides. The district
 * (optional, in Moldova) lets triage hand the case to that district's team from the agency directory.
 */
@FormContract(NrsCaseProcess.FORM_REGISTER_REFERRAL)
@RequiredWhen(field = "country", when = "location", is = "abroad", message = "is required when the person is abroad")
@MinorMatchesAgeBand
public record RegisterReferralForm(
    @NotNull(message = "choose how the referral came") @OneOf({"police-cctp", "police-gpi", "ngo", "hotline-la-strada",
        "trustline-interaction", "community-social-worker", "consulate", "partner-abroad", "self-referral", "other"})
    String channel,
    @NotNull(message = "choose where the person is now") @OneOf({"moldova", "transnistria", "abroad"}) String location,
    @Size(max = 100) String country,
    @NotNull(message = "choose the category") @OneOf({"trafficking", "domestic-violence", "stranded-migrant",
        "person-in-difficulty"}) String category,
    @NotNull(message = "choose the age band") @OneOf({"0-2", "3-6", "7-17", "18+", "unknown"}) String ageBand,
    boolean minor,
    @NotNull(message = "choose one") @OneOf({"female", "male", "unknown"}) String sex,
    boolean immediateDanger,
    @Size(max = 2000) String referralSummary,
    Boolean ageDisputed,
    @OneOf({"chisinau", "balti", "cahul", "comrat", "north", "centre", "south"}) String district) {

  /** A referral whose age is not disputed (the usual case), district not named. */
  public RegisterReferralForm(String channel, String location, String country, String category, String ageBand,
      boolean minor, String sex, boolean immediateDanger, String referralSummary) {
    this(channel, location, country, category, ageBand, minor, sex, immediateDanger, referralSummary, false, null);
  }

  /** A referral whose district is not named (triage's own team). */
  public RegisterReferralForm(String channel, String location, String country, String category, String ageBand,
      boolean minor, String sex, boolean immediateDanger, String referralSummary, Boolean ageDisputed) {
    this(channel, location, country, category, ageBand, minor, sex, immediateDanger, referralSummary, ageDisputed, null);
  }
}
