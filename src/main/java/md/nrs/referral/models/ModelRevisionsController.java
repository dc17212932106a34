package md.nrs.referral.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  public ResponseEntity<Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    var refused = PolicyStaffOnly.refuse(identity, "read the revision log");
    if (refused.isPresent()) {
      return refused.get();
    }
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      return PolicyStaffOnly.error(400, "InvalidRequestException", "page must be 0 or more and size between 1 and " + MAX_PAGE);
    }
    return ResponseEntity.ok(revisions.findAllByOrderByIdDesc(PageRequest.of(page, size)).stream().map(RevisionView::of).toList());
  }

  @GetMapping("/{id}")
  public ResponseEntity<Object> one(@PathVariable long id) {
    var refused = PolicyStaffOnly.refuse(identity, "read the revision log");
    if (refused.isPresent()) {
      return refused.get();
    }
    return revisions.findById(id).<ResponseEntity<Object>>map(r -> ResponseEntity.ok(RevisionView.of(r)))
        .orElseGet(() -> PolicyStaffOnly.error(404, "NotFoundException", "No revision " + id));
  }

  /** Rollback: the files of an earlier revision become the newest version again (checked by the gate like any revision). */
  @PostMapping("/{id}/redeploy")
  public ResponseEntity<Object> redeploy(@PathVariable long id) {
    var refused = PolicyStaffOnly.refuse(identity, "deploy model revisions");
    if (refused.isPresent()) {
      return refused.get();
    }
    ModelRevision revision = revisions.findById(id).orElse(null);
    if (revision == null) {
      return PolicyStaffOnly.error(404, "NotFoundException", "No revision " + id);
    }
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
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "RevisionRefused");
      body.put("message", e.getMessage());
      body.put("problems", e.problems().stream().map(p -> Map.of("file", p.file(), "element", String.valueOf(p.element()),
          "problem", p.message())).toList());
      return ResponseEntity.badRequest().body(body);
    } catch (AuthorizationException e) {
      return PolicyStaffOnly.error(403, "AuthorizationException", "Not allowed to deploy");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deploymentId", deployed.getId());
    body.put("processes", deployed.getDeployedProcessDefinitions() == null ? List.of()
        : deployed.getDeployedProcessDefinitions().stream().map(d -> Map.of("key", d.getKey(), "version", d.getVersion(),
            "id", d.getId())).toList());
    body.put("decisions", deployed.getDeployedDecisionDefinitions() == null ? List.of()
        : deployed.getDeployedDecisionDefinitions().stream().map(d -> Map.of("key", d.getKey(), "version", d.getVersion(),
            "id", d.getId())).toList());
    return ResponseEntity.status(201).body(body);
  }
}
