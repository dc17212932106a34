package md.nrs.referral.models;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ when the engine is built, after {@link ModelValidator} has accepted
 * them; a problem stops the platform with a message naming the file. Only changed files become new
 * versions. The engine's deployment lock serialises this across cluster nodes.
 */
@Component
public class ModelDeploymentPlugin extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "nrs-models";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentPlugin.class);

  private final ModelsProperties properties;
  private final ModelValidator validator = new ModelValidator();

  public ModelDeploymentPlugin(ModelsProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<ModelResource> resources = new ModelCatalog(getClass().getClassLoader()).load(properties.allPatterns());
    RepositoryService repository = engine.getRepositoryService();
    validator.requireValid(resources, formId -> isFormDeployed(engine, formId));
    if (resources.isEmpty()) {
      LOG.warn("No models found in {}; nothing deployed", properties.allPatterns());
      return;
    }
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("nrs-platform-startup")
        .enableDuplicateFiltering(true);
    resources.forEach(r -> deployment.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
    var result = deployment.deployWithResult();
    // Null lists mean nothing changed since the last start (duplicate filtering deployed nothing).
    LOG.info("Models checked: {} file(s); {} new process version(s), {} new decision version(s)",
        resources.size(), count(result.getDeployedProcessDefinitions()), count(result.getDeployedDecisionDefinitions()));
  }

  private static int count(java.util.List<?> deployed) {
    return deployed == null ? 0 : deployed.size();
  }

  private static boolean isFormDeployed(ProcessEngine engine, String formId) {
    // Forms deployed by an earlier revision stay valid references (formRefBinding "latest").
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
  }
}
