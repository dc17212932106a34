package md.nrs.referral.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * A Spring bean with work to do while the engine starts: before it is configured (take the cluster's
 * start-up lock) or once it is built (indexes, the baseline models). {@link EngineStartupPlugin} calls every
 * one, in bean order; features never implement the engine's plugin API.
 */
public interface EngineStartup {

  /** Before the engine is configured and creates or upgrades its schema. */
  default void beforeEngineInit() {
  }

  /** Once the engine is built, its schema in place, before the application serves requests. */
  default void afterEngineBuilt(ProcessEngine engine) {
  }
}
