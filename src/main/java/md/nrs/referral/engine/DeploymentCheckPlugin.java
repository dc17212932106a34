package md.nrs.referral.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the {@link DeploymentCheck}s in front of the engine's deployers, so nothing reaches the engine around them. */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<DeploymentCheck> checks;

  public DeploymentCheckPlugin(ObjectProvider<DeploymentCheck> checks) {
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(new ChecksDeployer(new DeployedModels(configuration), checks.orderedStream().toList()));
    configuration.setCustomPreDeployers(deployers);
  }

  /** The engine-side deployer that runs the checks (a test takes it out to prove the engine's own defences). */
  public static final class ChecksDeployer implements Deployer {

    private final DeployedModels deployed;
    private final List<DeploymentCheck> checks;

    ChecksDeployer(DeployedModels deployed, List<DeploymentCheck> checks) {
      this.deployed = deployed;
      this.checks = checks;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew()) {
        return; // the engine re-reads an old deployment into its cache: it passed the checks when it was new
      }
      Map<String, byte[]> resources = new TreeMap<>();
      deployment.getResources().values().forEach(resource -> resources.put(resource.getName(), resource.getBytes()));
      DeploymentCheck.NewDeployment candidate = new DeploymentCheck.NewDeployment(deployment.getId(), deployment.getName(),
          deployment.getSource(), deployment.getDeploymentTime(), resources, deployed);
      checks.forEach(check -> check.check(candidate));
    }
  }
}
