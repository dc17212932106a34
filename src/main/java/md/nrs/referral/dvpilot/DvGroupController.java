package md.nrs.referral.dvpilot;

import java.net.URI;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pilot's group directory over REST: every authenticated user reads it (groups hold no personal data; a
 * caseworker picks a group of the participant's kind with places left), administrators add groups.
 */
@RestController
@RequestMapping("/api/dv-groups")
public class DvGroupController {

  private final DvGroups groups;
  private final IdentityService identity;

  public DvGroupController(DvGroups groups, IdentityService identity) {
    this.groups = groups;
    this.identity = identity;
  }

  @GetMapping
  public List<DvGroups.DvGroupView> list() {
    return groups.list();
  }

  @GetMapping("/{id}")
  public DvGroups.DvGroupView get(@PathVariable String id) {
    return groups.find(id).map(groups::view).orElseThrow(() -> new ApiProblem.NotFound("No group with this id"));
  }

  @PostMapping
  public ResponseEntity<DvGroups.DvGroupView> create(@RequestBody DvGroups.DvGroupRequest request) {
    Caller.current(identity).require("Only administrators may add counselling groups", NrsRole.ADMINISTRATORS.groupId());
    DvGroups.DvGroupView created = groups.create(request);
    return ResponseEntity.created(URI.create("/api/dv-groups/" + created.id())).body(created);
  }
}
