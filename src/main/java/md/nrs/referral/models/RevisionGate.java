package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation gate inside the engine: it runs before the engine's own deployers on every new
 * deployment — from Camunda Modeler, curl, a rollback or the start-up baseline — so nothing reaches the
 * engine around it. A revision with any problem is refused as a whole ({@link RevisionRefusedException},
 * the transaction rolls back). One that passes is recorded with who, when, which files and what changed.
 */
public class RevisionGate implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(RevisionGate.class);
  /** Set by the start-up deployment of processes/ and forms/, which is checked but not logged as a revision. */
  private static final ThreadLocal<Boolean> BASELINE = ThreadLocal.withInitial(() -> false);

  private final ModelValidator validator = new ModelValidator();
  private final Supplier<ModelEnvironment> environment;
  private final Supplier<ModelRevisionRepository> revisions;

  public RevisionGate(Supplier<ModelEnvironment> environment, Supplier<ModelRevisionRepository> revisions) {
    this.environment = environment;
    this.revisions = revisions;
  }

  static void asBaseline(Runnable deployment) {
    BASELINE.set(true);
    try {
      deployment.run();
    } finally {
      BASELINE.remove();
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // the engine re-reads an old deployment into its cache: it passed the gate when it was new
    }
    List<ModelResource> resources = new ArrayList<>();
    List<ModelProblem> problems = new ArrayList<>();
    deployment.getResources().values().stream()
        .map(r -> new ModelResource(r.getName(), r.getBytes()))
        .sorted(Comparator.comparing(ModelResource::name))
        .forEach(resource -> {
          if (resource.isBpmn() || resource.isDmn() || resource.isForm()) {
            resources.add(resource);
          } else {
            problems.add(new ModelProblem(resource.name(), null,
                "only BPMN (.bpmn), DMN (.dmn) and form (.form) files may be deployed"));
          }
        });
    if (!Boolean.TRUE.equals(BASELINE.get()) && ModelDeploymentPlugin.BASELINE_SOURCE.equals(deployment.getSource())) {
      problems.add(new ModelProblem(deployment.getName(), null, "the deployment source '"
          + ModelDeploymentPlugin.BASELINE_SOURCE + "' is reserved for the platform's start-up"));
    }
    problems.addAll(validator.validate(resources, environment.get()));
    if (!problems.isEmpty()) {
      LOG.info("Revision '{}' refused with {} problem(s)", deployment.getName(), problems.size());
      throw new RevisionRefusedException(problems);
    }
    if (Boolean.TRUE.equals(BASELINE.get())) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String files = String.join("\n", resources.stream().map(ModelResource::name).toList());
    String changes = RevisionChanges.toJson(RevisionChanges.of(context, resources));
    String by = context.getAuthenticatedUserId();
    revisions.get().save(new ModelRevision(deployment.getId(), deployment.getName(), deployment.getSource(), by,
        deployment.getDeploymentTime().toInstant(), files, changes));
    LOG.info("Revision '{}' ({} file(s)) deployed by {}", deployment.getName(), resources.size(), by);
  }
}
