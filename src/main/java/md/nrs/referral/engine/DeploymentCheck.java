package md.nrs.referral.engine;

import java.util.Date;
import java.util.Map;

/**
 * A Spring bean that sees every new deployment — from Camunda Modeler, curl, a rollback or the start-up
 * baseline — before the engine's own deployers, inside the deploying transaction; it throws to refuse the
 * deployment as a whole. {@link DeploymentCheckPlugin} installs it.
 */
public interface DeploymentCheck {

  void check(NewDeployment deployment);

  /**
   * A deployment about to be deployed: its files by name (sorted), and what the engine has live before it.
   */
  record NewDeployment(String id, String name, String source, Date deploymentTime, Map<String, byte[]> resources,
      DeployedModels deployed) {
  }
}
