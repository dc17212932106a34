package md.nrs.referral.privacy;

import java.time.Instant;
import java.util.List;

/**
 * The case's chain of custody as the case view shows it. The custody capability keeps the chain and provides
 * this port, so the case view does not depend on custody (custody already depends on privacy for consent).
 */
public interface ChainOfCustody {

  /** The case's accepted transfers, oldest first; empty for a case that never moved. */
  List<Link> of(String caseCode);

  /** One accepted transfer: group ids and a reason code only, never personal data. */
  record Link(String caseCode, String scope, String fromTeam, String toTeam, String reason, String requestedBy,
      String acceptedBy, Instant at) {
  }
}
