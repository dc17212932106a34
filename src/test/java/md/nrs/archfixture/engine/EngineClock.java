package md.nrs.archfixture.engine;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Uses an engine internal where that is allowed. */
public class EngineClock {

  public long now() {
    return ClockUtil.getCurrentTime().getTime();
  }
}
