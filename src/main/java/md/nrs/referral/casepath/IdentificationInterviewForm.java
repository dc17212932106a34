package md.nrs.referral.casepath;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import md.nrs.referral.forms.CountryCode;
import md.nrs.referral.forms.FormContract;
import md.nrs.referral.forms.LanguageCode;
import md.nrs.referral.forms.OneOf;
import md.nrs.referral.forms.RequiredWhen;

/**
 * The identification interview by the territorial team: indicators, forms of exploitation, status; for a foreign
 * national the nationality, the language she is best spoken to in and whether an interpreter is needed (codes, not
 * identity: they start the foreign-victim path and count in the statistics; her name and documents stay in the vault);
 * and whether the interview found the person in immediate danger or in urgent need of medical care, which for an adult
 * starts the emergency fast track now if triage did not start it.
 */
@FormContract(NrsCaseProcess.FORM_IDENTIFICATION)
@RequiredWhen(field = "potentialVictimKind", when = "victimStatus", is = "potential-victim",
    message = "is required for a potential victim")
public record IdentificationInterviewForm(
    @NotNull(message = "give the date") @PastOrPresent(message = "cannot be in the future") LocalDate interviewedOn,
    List<@OneOf({"deception", "debt-bondage", "documents-withheld", "restricted-movement", "violence-or-threats",
        "exploitative-conditions", "recruited-abroad", "other"}) String> indicators,
    List<@OneOf({"sexual", "labour", "begging", "forced-criminality", "organ-removal", "other"}) String> formsOfExploitation,
    @NotNull(message = "choose the status") @OneOf({"identified-victim", "presumed-victim", "potential-victim"}) String victimStatus,
    @OneOf({"domestic-violence", "stranded-migrant", "person-in-difficulty"}) String potentialVictimKind,
    @Size(max = 2000) String interviewNote,
    @CountryCode String nationality,
    @LanguageCode String language,
    Boolean interpreterNeeded,
    Boolean dangerFoundAtInterview,
    Boolean urgentMedicalNeedFoundAtInterview) {

  /**
   * Tasklist sends a text field left empty as "": no nationality or language given (a Moldovan national). A danger
   * not ticked is no danger found.
   */
  public IdentificationInterviewForm {
    nationality = nationality == null || nationality.isBlank() ? null : nationality;
    language = language == null || language.isBlank() ? null : language;
    dangerFoundAtInterview = Boolean.TRUE.equals(dangerFoundAtInterview);
    urgentMedicalNeedFoundAtInterview = Boolean.TRUE.equals(urgentMedicalNeedFoundAtInterview);
  }

  /** The interview that found no danger triage had not seen. */
  public IdentificationInterviewForm(LocalDate interviewedOn, List<String> indicators, List<String> formsOfExploitation,
      String victimStatus, String potentialVictimKind, String interviewNote, String nationality, String language,
      Boolean interpreterNeeded) {
    this(interviewedOn, indicators, formsOfExploitation, victimStatus, potentialVictimKind, interviewNote, nationality,
        language, interpreterNeeded, false, false);
  }

  /** The interview of a Moldovan national (no nationality recorded: Moldovan). */
  public IdentificationInterviewForm(LocalDate interviewedOn, List<String> indicators, List<String> formsOfExploitation,
      String victimStatus, String potentialVictimKind, String interviewNote) {
    this(interviewedOn, indicators, formsOfExploitation, victimStatus, potentialVictimKind, interviewNote, null, null, null);
  }
}
