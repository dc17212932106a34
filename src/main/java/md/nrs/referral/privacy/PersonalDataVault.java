package md.nrs.referral.privacy;

import java.util.Optional;
import md.nrs.referral.engine.Caller;

/**
 * The port to the personal-data vault: the one way any code stores or reads a person's names, birth
 * date, contacts, addresses, documents and family contacts. The case code is the only link between a
 * case and its person; nothing of this goes into process variables.
 *
 * <pre>
 * vault.store("NRS-2026-000123", new PersonRecord("Ana", ...), "lastrada.caseworker", "la-strada");
 * PersonRecord person = vault.read("NRS-2026-000123", Caller.current(identityService)).orElse(null);
 * </pre>
 */
public interface PersonalDataVault {

  /**
   * Stores (or replaces) the person of a case, sealed with the active key, and audits it. Joins the
   * caller's transaction if there is one.
   *
   * @param recordedBy user id of whoever collected the data
   * @param agency the agency or team of that user (may be null for a system channel)
   * @throws IllegalArgumentException naming the invalid fields (never their values)
   */
  void store(String caseCode, PersonRecord person, String recordedBy, String agency);

  /**
   * The person of a case, for a reader allowed to see it ({@link ConsentPolicy#mayRead}); every call is
   * audited, allowed or not. Empty when nothing was recorded (an anonymous referral) or it was anonymised.
   *
   * @throws PersonalDataAccessRefused when the reader may not see it (the reason names no personal data)
   */
  Optional<PersonRecord> read(String caseCode, Caller reader);

  /**
   * Stores (or replaces) a child's legal representative, sealed with the active key, and audits it (target
   * "representative"). Joins the caller's transaction.
   *
   * @throws IllegalArgumentException naming the invalid fields (never their values)
   */
  void storeRepresentative(String caseCode, RepresentativeRecord representative, String recordedBy, String agency);

  /**
   * The child's legal representative, for a reader with a legal duty (NRS coordinators, the guardianship authority
   * with a task on the case) or whom the person's consent lets read the person ({@link ConsentPolicy#mayReadRepresentative});
   * every call is audited. Empty when none was recorded.
   *
   * @throws PersonalDataAccessRefused when the reader may not see them
   */
  Optional<RepresentativeRecord> readRepresentative(String caseCode, Caller reader);

  /**
   * The day the person of the case turns 18, from the date of birth in the vault, for the platform's own timer that
   * hands a child over to adult services (no reader: audited as read by the platform for that purpose). Empty when no
   * date of birth is recorded or the person was anonymised. Only the derived date leaves the vault, never the date of birth.
   */
  Optional<java.time.LocalDate> eighteenthBirthday(String caseCode, String purpose);

  /** Whether a person has been recorded for the case (no access check, no personal data). */
  boolean holds(String caseCode);

  /** Whether the person of the case was erased at the end of the retention period (no access check, nothing personal). */
  boolean anonymised(String caseCode);

  /**
   * Asks the blind index again whether the person of the case may be the person of another case (a reopened case),
   * announcing {@link PossibleDuplicates} when so. Joins the caller's transaction.
   */
  void checkForDuplicatesAgain(String caseCode);
}
