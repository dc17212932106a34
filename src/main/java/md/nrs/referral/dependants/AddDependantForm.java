package md.nrs.referral.dependants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.PersonalData;

/**
 * The start form in Tasklist: which case (its code), how the family member is related, age band and sex (for the
 * triage of their own case) and, optionally, their name and date of birth — {@link PersonalData}, kept in the vault
 * under the dependant's own code and never a process variable. Who may add to the case, and that a child is under
 * 18 or of unknown age, is checked by {@link DependantCases}.
 */
@FormContract(AddDependantProcess.FORM_ADD_DEPENDANT)
public record AddDependantForm(
    @NotBlank(message = "give the case code") @Pattern(regexp = "NRS-\\d{4}-\\d{6,}", message = "must be a case code like NRS-2026-000123")
    String caseCode,
    @NotNull(message = "say how the family member is related") @OneOf(value = {Dependants.CHILD, Dependants.FAMILY_MEMBER},
        message = "must be one of child, family-member") String relation,
    @NotNull(message = "choose the age band") @OneOf({"0-2", "3-6", "7-17", "18+", "unknown"}) String ageBand,
    @NotNull(message = "choose one") @OneOf({"female", "male", "unknown"}) String sex,
    boolean immediateDanger,
    @PersonalData("givenName") @Size(max = 100) String personGivenName,
    @PersonalData("familyName") @Size(max = 100) String personFamilyName,
    @PersonalData("dateOfBirth") @Past(message = "must be in the past") LocalDate personDateOfBirth) {

  /** A dependant without personal data (added anonymously: the details can come at their own consent). */
  public AddDependantForm(String caseCode, String relation, String ageBand, String sex) {
    this(caseCode, relation, ageBand, sex, false, null, null, null);
  }
}
