package md.nrs.referral.errors;

import java.util.Map;

/**
 * A refusal thrown inside the engine whose answer carries, beside its worded message, members for programs
 * (the validation gate: each model problem's stable code and arguments). The engine APIs add them to the
 * answer's top level.
 */
public interface RefusalDetails {

  Map<String, ?> members();
}
