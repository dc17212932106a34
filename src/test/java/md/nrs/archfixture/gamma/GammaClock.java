package md.nrs.archfixture.gamma;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Uses an engine internal outside the engine adapter. */
public class GammaClock {

  public long now() {
    return ClockUtil.getCurrentTime().getTime();
  }
}
