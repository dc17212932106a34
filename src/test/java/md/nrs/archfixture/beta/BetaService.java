package md.nrs.archfixture.beta;

import md.nrs.archfixture.alpha.AlphaService;

/** The other half of the deliberate cycle. */
public class BetaService {

  public String name(AlphaService alpha) {
    return alpha.toString();
  }
}
