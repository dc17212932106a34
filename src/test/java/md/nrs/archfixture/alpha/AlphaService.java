package md.nrs.archfixture.alpha;

import md.nrs.archfixture.agencies.delivery.Outbox;
import md.nrs.archfixture.beta.BetaService;

/** Half of the deliberate cycle alpha -> beta -> alpha; also reaches inside agencies/ around its port. */
public class AlphaService {

  public String name(BetaService beta) {
    return beta.toString() + new Outbox();
  }
}
