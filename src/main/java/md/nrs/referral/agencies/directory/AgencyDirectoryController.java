package md.nrs.referral.agencies.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency directory over REST. Every authenticated user may read it (no secrets in it); administrators
 * (group camunda-admin) create and change agencies. There is no DELETE: PUT with "active": false retires
 * an agency. Caller authenticated by HTTP Basic; refusals are problem details (errors/ApiErrors).
 */
@RestController
@RequestMapping("/api/agencies")
public class AgencyDirectoryController {

  private final AgencyDirectory directory;
  private final IdentityService identity;

  public AgencyDirectoryController(AgencyDirectory directory, IdentityService identity) {
    this.directory = directory;
    this.identity = identity;
  }

  @GetMapping
  public List<AgencyView> list() {
    return directory.list();
  }

  @GetMapping("/{id}")
  public AgencyView get(@PathVariable String id) {
    return directory.find(id).orElseThrow(() -> new AgencyDirectory.NotFoundException("No agency with this id"));
  }

  @PostMapping
  public ResponseEntity<AgencyView> create(@RequestBody AgencyRequest request) {
    requireAdministrator();
    AgencyView created = directory.create(request);
    return ResponseEntity.created(URI.create("/api/agencies/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  public AgencyView update(@PathVariable String id, @RequestBody AgencyRequest request) {
    requireAdministrator();
    return directory.update(id, request);
  }

  /** Agencies stay in the directory (tasks and history refer to them); they are retired instead. */
  @DeleteMapping("/{id}")
  public void delete(@PathVariable String id, HttpServletResponse response) {
    response.setHeader(HttpHeaders.ALLOW, "GET, PUT");
    throw new ApiProblem(ProblemType.METHOD_NOT_ALLOWED,
        "Agencies are never deleted; retire one with PUT and \"active\": false");
  }

  private void requireAdministrator() {
    Caller.current(identity).require("Only administrators may create or change agencies", NrsRole.ADMINISTRATORS.groupId());
  }
}
