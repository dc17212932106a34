package md.nrs.referral.privacy;

import java.util.List;
import java.util.Optional;

/**
 * A case's dependants as the case view shows them. The dependants capability keeps the links and provides this port,
 * so the case view does not depend on it (it depends on custody, which depends on privacy).
 */
public interface CaseDependants {

  /** The dependants of a case, in the order they were added. */
  List<Link> of(String caseCode);

  /** The case a dependant's case was added to, if it is one. */
  Optional<Link> dependantOf(String dependantCaseCode);

  /** A link: the other case's code and the relation ({@code child} or {@code family-member}); nothing personal. */
  record Link(String caseCode, String relation) {
  }
}
