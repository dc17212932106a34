package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.DeployedModels;
import md.nrs.referral.engine.DeploymentCheck;
import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation gate inside the engine: it runs before the engine's own deployers on every new
 * deployment — from Camunda Modeler, curl, a rollback or the start-up baseline — so nothing reaches the
 * engine around it. A revision with any problem is refused as a whole ({@link RevisionRefusedException},
 * the transaction rolls back). One that passes is recorded with who, when, which files and what changed.
 */
public class RevisionGate implements DeploymentCheck {

  private static final Logger LOG = LoggerFactory.getLogger(RevisionGate.class);
  /** Set by the start-up deployment of processes/ and forms/, which is checked but not logged as a revision. */
  private static final ThreadLocal<Boolean> BASELINE = ThreadLocal.withInitial(() -> false);

  private final ModelValidator validator = new ModelValidator();
  private final Function<DeployedModels, ModelEnvironment> environment;
  private final Supplier<ModelRevisionRepository> revisions;
  private final Translations translations;
  private final Supplier<Language> language;

  /** {@code language}: the deploying request's, in which the problems are worded. */
  public RevisionGate(Function<DeployedModels, ModelEnvironment> environment, Supplier<ModelRevisionRepository> revisions,
      Translations translations, Supplier<Language> language) {
    this.environment = environment;
    this.revisions = revisions;
    this.translations = translations;
    this.language = language;
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
  public void check(NewDeployment deployment) {
    List<ModelResource> resources = new ArrayList<>();
    List<ModelProblem> problems = new ArrayList<>();
    deployment.resources().entrySet().stream()
        .map(r -> new ModelResource(r.getKey(), r.getValue()))
        .sorted(Comparator.comparing(ModelResource::name))
        .forEach(resource -> {
          if (resource.isBpmn() || resource.isDmn() || resource.isForm()) {
            resources.add(resource);
          } else {
            problems.add(new ModelProblem(resource.name(), null, ProblemCode.FILE_TYPE.with()));
          }
        });
    if (!Boolean.TRUE.equals(BASELINE.get()) && BaselineDeployment.BASELINE_SOURCE.equals(deployment.source())) {
      problems.add(new ModelProblem(deployment.name(), null,
          ProblemCode.SOURCE_RESERVED.with("source", BaselineDeployment.BASELINE_SOURCE)));
    }
    problems.addAll(validator.validate(resources, environment.apply(deployment.deployed())));
    if (!problems.isEmpty()) {
      LOG.info("Revision '{}' refused with {} problem(s)", deployment.name(), problems.size());
      throw new RevisionRefusedException(problems, translations, language.get());
    }
    if (Boolean.TRUE.equals(BASELINE.get())) {
      return;
    }
    String files = String.join("\n", resources.stream().map(ModelResource::name).toList());
    String changes = RevisionChanges.toJson(RevisionChanges.of(deployment.deployed(), resources));
    String by = Caller.current().userId();
    revisions.get().save(new ModelRevision(deployment.id(), deployment.name(), deployment.source(), by,
        deployment.deploymentTime().toInstant(), files, changes));
    LOG.info("Revision '{}' ({} file(s)) deployed by {}", deployment.name(), resources.size(), by);
  }
}
