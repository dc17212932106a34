package md.nrs.referral.intake;

import java.util.Map;
import md.nrs.referral.casepath.RegisterReferralForm;

/**
 * A referral as the intake API accepted it: the source's own reference, the case facts checked by the
 * case's start-form contract ({@link RegisterReferralForm}) and, apart, the optional personal data.
 *
 * @param caseVariables the facts exactly as the start form would give them to the case process
 */
public record IntakeReferral(String sourceReference, RegisterReferralForm facts, Map<String, Object> caseVariables,
    IntakePerson person) {
}
