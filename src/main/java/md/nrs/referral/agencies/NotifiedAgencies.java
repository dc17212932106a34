package md.nrs.referral.agencies;

import java.util.List;

/** The agencies the platform has notified about a case (from the outbox), in the order it did. */
public interface NotifiedAgencies {

  List<String> about(String caseCode);
}
