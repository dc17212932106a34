package md.nrs.referral.dependants;

/** The dependant's own case, linked to the case: codes and triage facts only. */
public record DependantAnswer(String caseCode, String dependantOf, String relation, boolean minor, String pathway,
    String responsibleTeam) {
}
