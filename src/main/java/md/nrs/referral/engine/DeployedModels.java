package md.nrs.referral.engine;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * What the engine has deployed, read as the platform (without the caller's authorizations) and inside the
 * running command when there is one — so the revision gate sees the versions live before the deployment
 * it checks.
 */
public final class DeployedModels {

  private final ProcessEngineConfigurationImpl engine;

  DeployedModels(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  public static DeployedModels of(ProcessEngine engine) {
    return new DeployedModels((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  public Optional<ResourceDefinition> latestProcess(String key) {
    return Optional.ofNullable(query(c -> c.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key)));
  }

  public Optional<ResourceDefinition> latestDecision(String key) {
    return Optional.ofNullable(query(c -> c.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key)));
  }

  public Optional<ResourceDefinition> latestForm(String key) {
    return Optional.ofNullable(query(c -> c.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)));
  }

  /** The file a definition was deployed from, or no bytes if it is gone. */
  public byte[] content(ResourceDefinition definition) {
    ResourceEntity resource = query(c -> c.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
    return resource == null ? new byte[0] : resource.getBytes();
  }

  /** Whether the identity provider knows the group (an administrator may have added it). */
  public boolean groupExists(String groupId) {
    return query(c -> c.getReadOnlyIdentityProvider().createGroupQuery().groupId(groupId).count() > 0);
  }

  private <T> T query(Command<T> command) {
    return engine.getCommandExecutorTxRequired().execute(command);
  }
}
