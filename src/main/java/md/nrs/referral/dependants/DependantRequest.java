package md.nrs.referral.dependants;

import md.nrs.referral.intake.IntakePerson;

/**
 * A dependant to add, over REST or from the Tasklist form: how related, age band and sex (for triage), whether in
 * immediate danger and, optionally, their personal data (for the vault only, under the dependant's own code).
 */
public record DependantRequest(String relation, String ageBand, String sex, Boolean immediateDanger, IntakePerson person) {
}
