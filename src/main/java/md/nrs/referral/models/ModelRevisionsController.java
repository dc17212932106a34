package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.ProblemType;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The revision log ({@code GET /api/models/revisions}) and rollback: {@code POST
 * /api/models/revisions/{id}/redeploy} deploys that revision's files again, through the gate, as the
 * newest version. Policy staff and administrators only.
 */
@RestController
@RequestMapping("/api/models/revisions")
public class ModelRevisionsController {

  public static final String ROLLBACK_SOURCE = "nrs-rollback";
  private static final int MAX_PAGE = 200;

  private final ModelRevisionRepository revisions;
  private final IdentityService identity;
  private final RepositoryService repository;

  public ModelRevisionsController(ModelRevisionRepository revisions, ProcessEngine engine) {
    this.revisions = revisions;
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
  }

  /** A revision as the log shows it. */
  public record RevisionView(long id, String deploymentId, String name, String source, String deployedBy,
      Instant deployedAt, List<String> files, JsonNode changes) {

    static RevisionView of(ModelRevision revision) {
      return new RevisionView(revision.getId(), revision.getDeploymentId(), revision.getDeploymentName(),
          revision.getSource(), revision.getDeployedBy(), revision.getDeployedAt(),
          List.of(revision.getFiles().split("\n")), RevisionChanges.parse(revision.getChanges()));
    }
  }

  @GetMapping
  public List<RevisionView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    PolicyStaffOnly.require(identity, "read the revision log");
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new ApiProblem.Invalid("page must be 0 or more and size between 1 and " + MAX_PAGE);
    }
    return revisions.findAllByOrderByIdDesc(PageRequest.of(page, size)).stream().map(RevisionView::of).toList();
  }

  @GetMapping("/{id}")
  public RevisionView one(@PathVariable long id) {
    PolicyStaffOnly.require(identity, "read the revision log");
    return revisions.findById(id).map(RevisionView::of).orElseThrow(() -> new ApiProblem.NotFound("No revision " + id));
  }

  /** Rollback: the files of an earlier revision become the newest version again (checked by the gate like any revision). */
  @PostMapping("/{id}/redeploy")
  public ResponseEntity<Redeployed> redeploy(@PathVariable long id) {
    PolicyStaffOnly.require(identity, "deploy model revisions");
    ModelRevision revision = revisions.findById(id).orElseThrow(() -> new ApiProblem.NotFound("No revision " + id));
    DeploymentBuilder deployment = repository.createDeployment()
        .name("Redeploy of revision " + id + (revision.getDeploymentName() == null ? "" : ": " + revision.getDeploymentName()))
        .source(ROLLBACK_SOURCE);
    for (Resource resource : repository.getDeploymentResources(revision.getDeploymentId())) {
      try (InputStream in = repository.getResourceAsStreamById(revision.getDeploymentId(), resource.getId())) {
        deployment.addInputStream(resource.getName(), in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DeploymentWithDefinitions deployed;
    try {
      deployed = deployment.deployWithResult();
    } catch (RevisionRefusedException e) {
      throw new ApiProblem(ProblemType.MODEL_REFUSED, e.getMessage(), Map.of("problems", e.problems().stream()
          .map(p -> new Problem(p.file(), String.valueOf(p.element()), e.messageOf(p), p.text().code().code(),
              p.text().toMap().get("arguments"))).toList()));
    } catch (AuthorizationException e) {
      throw new ApiProblem.Forbidden("Not allowed to deploy");
    }
    return ResponseEntity.status(201).body(new Redeployed(deployed.getId(),
        definitions(deployed.getDeployedProcessDefinitions(), d -> new Definition(d.getKey(), d.getVersion(), d.getId())),
        definitions(deployed.getDeployedDecisionDefinitions(), d -> new Definition(d.getKey(), d.getVersion(), d.getId()))));
  }

  private static <T> List<Definition> definitions(List<T> deployed, java.util.function.Function<T, Definition> view) {
    return deployed == null ? List.of() : deployed.stream().map(view).toList();
  }

  /**
   * One problem the validation gate found: the file, the element (or "null"), what is wrong in the caller's
   * language, and for programs its stable code and arguments.
   */
  public record Problem(String file, String element, String problem, String code, Object arguments) {
  }

  /** A definition the redeployment made. */
  public record Definition(String key, int version, String id) {
  }

  /** What a redeployment made. */
  public record Redeployed(String deploymentId, List<Definition> processes, List<Definition> decisions) {
  }
}
