package md.nrs.referral.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import md.nrs.referral.engine.DeployedModels;
import md.nrs.referral.engine.DeploymentCheck;
import md.nrs.referral.engine.EngineStartup;
import md.nrs.referral.engine.ProcessContracts;
import md.nrs.referral.forms.FormCatalog;
import md.nrs.referral.i18n.RequestLanguage;
import md.nrs.referral.i18n.Translations;
import md.nrs.referral.identity.DirectoryProperties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the validation gate ({@link RevisionGate}) in front of the engine's deployers, and deploys
 * processes/ and forms/ (the baseline) when the engine is built, after {@link ModelValidator} has accepted
 * them; a problem stops the platform with a message naming the file. Only changed files become new
 * versions. The engine's deployment lock serialises this across cluster nodes.
 *
 * <p>A revision policy staff deployed later is never rolled back silently: when a baseline file has
 * changed since it was last deployed but the live version of its process or decision is a policy-staff
 * revision, that file is held back (a warning names it and the revision). Policy staff decide, by
 * deploying the new file through the gate, whether it replaces their revision.
 */
@Component
public class BaselineDeployment implements DeploymentCheck, EngineStartup {

  public static final String DEPLOYMENT_NAME = "nrs-models";
  public static final String BASELINE_SOURCE = "nrs-platform-startup";
  private static final Logger LOG = LoggerFactory.getLogger(BaselineDeployment.class);

  private final ModelsProperties properties;
  private final ListableBeanFactory beans;
  private final DirectoryProperties directory;
  private final FormCatalog formCatalog;
  private final ObjectProvider<ModelRevisionRepository> revisions;
  private final ModelValidator validator = new ModelValidator();
  private final ProcessContracts contracts = ProcessContracts.scan("md.nrs.referral");
  private final RevisionGate gate;
  private volatile ProcessEngine engine;

  public BaselineDeployment(ModelsProperties properties, ListableBeanFactory beans, DirectoryProperties directory,
      FormCatalog formCatalog, ObjectProvider<ModelRevisionRepository> revisions, Translations translations,
      ObjectProvider<RequestLanguage> requestLanguage) {
    this.properties = properties;
    this.beans = beans;
    this.directory = directory;
    this.formCatalog = formCatalog;
    this.revisions = revisions;
    // the request's language is looked up only when a revision is refused: the engine is built by then
    this.gate = new RevisionGate(this::environment, revisions::getObject, translations,
        () -> requestLanguage.getObject().ofCurrentRequest());
  }

  @Override
  public void check(NewDeployment deployment) {
    gate.check(deployment);
  }

  /** What revisions are checked against, once the engine is built (also used by the start-up check). */
  public ModelEnvironment environment() {
    return environment(DeployedModels.of(engine));
  }

  private ModelEnvironment environment(DeployedModels deployed) {
    return new EngineModelEnvironment(deployed, beans, directory, formCatalog, contracts);
  }

  @Override
  public void afterEngineBuilt(ProcessEngine engine) {
    this.engine = engine;
    List<ModelResource> resources = new ModelCatalog(getClass().getClassLoader()).load(properties.allPatterns());
    RepositoryService repository = engine.getRepositoryService();
    validator.requireValid(resources, environment());
    if (resources.isEmpty()) {
      LOG.warn("No models found in {}; nothing deployed", properties.allPatterns());
      return;
    }
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(BASELINE_SOURCE)
        .enableDuplicateFiltering(true);
    resources.stream().filter(r -> !heldBackForRevision(repository, r))
        .forEach(r -> deployment.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
    if (deployment.getResourceNames().isEmpty()) {
      return;
    }
    var result = new Object() { org.camunda.bpm.engine.repository.DeploymentWithDefinitions value; };
    RevisionGate.asBaseline(() -> result.value = deployment.deployWithResult());
    // Null lists mean nothing changed since the last start (duplicate filtering deployed nothing).
    LOG.info("Models checked: {} file(s); {} new process version(s), {} new decision version(s)",
        resources.size(), count(result.value.getDeployedProcessDefinitions()),
        count(result.value.getDeployedDecisionDefinitions()));
  }

  /** Whether a changed baseline file would replace a policy-staff revision of one of its processes or decisions. */
  private boolean heldBackForRevision(RepositoryService repository, ModelResource resource) {
    List<? extends ResourceDefinition> versions;
    try {
      if (resource.isBpmn()) {
        versions = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content())).getModelElementsByType(Process.class)
            .stream().flatMap(p -> repository.createProcessDefinitionQuery().processDefinitionKey(p.getId())
                .orderByProcessDefinitionVersion().desc().list().stream()).toList();
      } else if (resource.isDmn()) {
        versions = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content())).getModelElementsByType(Decision.class)
            .stream().flatMap(d -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(d.getId())
                .orderByDecisionDefinitionVersion().desc().list().stream()).toList();
      } else {
        return false;
      }
    } catch (RuntimeException unreadable) {
      return false; // validation has already refused it
    }
    ResourceDefinition live = versions.isEmpty() ? null : versions.get(0);
    if (live == null || isBaseline(repository, live)) {
      return false;
    }
    ResourceDefinition lastBaseline = versions.stream().filter(v -> isBaseline(repository, v)).findFirst().orElse(null);
    if (lastBaseline != null && Arrays.equals(bytes(repository, lastBaseline), resource.content())) {
      return false; // unchanged since the baseline that preceded the revision: duplicate filtering skips it anyway
    }
    var by = repository.createDeploymentQuery().deploymentId(live.getDeploymentId()).singleResult();
    LOG.warn("{} changed, but '{}' version {} is a revision deployed on {} ('{}'); the file is held back so that the "
        + "revision stays live. Deploy the file through the gate to replace it.", resource.name(), live.getKey(),
        live.getVersion(), by.getDeploymentTime(), by.getName());
    return true;
  }

  private static boolean isBaseline(RepositoryService repository, ResourceDefinition definition) {
    var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return deployment != null && BASELINE_SOURCE.equals(deployment.getSource()) && DEPLOYMENT_NAME.equals(deployment.getName());
  }

  private static byte[] bytes(RepositoryService repository, ResourceDefinition definition) {
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static int count(java.util.List<?> deployed) {
    return deployed == null ? 0 : deployed.size();
  }
}
