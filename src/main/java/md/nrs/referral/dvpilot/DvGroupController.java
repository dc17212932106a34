package md.nrs.referral.dvpilot;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.forms.FieldError;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
  public ResponseEntity<?> get(@PathVariable String id) {
    return groups.find(id).<ResponseEntity<?>>map(group -> ResponseEntity.ok(groups.view(group)))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "NotFoundException", "No group with this id", null));
  }

  @PostMapping
  public ResponseEntity<?> create(@RequestBody DvGroups.DvGroupRequest request) {
    List<String> callerGroups = Caller.current(identity).groups();
    if (!callerGroups.contains(NrsRole.ADMINISTRATORS.groupId())) {
      return error(HttpStatus.FORBIDDEN, "AuthorizationException", "Only administrators may add counselling groups", null);
    }
    DvGroups.DvGroupView created = groups.create(request);
    return ResponseEntity.created(URI.create("/api/dv-groups/" + created.id())).body(created);
  }

  @ExceptionHandler(DvGroups.InvalidGroupException.class)
  ResponseEntity<?> invalid(DvGroups.InvalidGroupException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequestException", e.getMessage(), e.fieldErrors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequestException",
        "The request body must be a JSON object describing a group (startsOn as YYYY-MM-DD)", List.of());
  }

  private static ResponseEntity<?> error(HttpStatus status, String type, String message, List<FieldError> fieldErrors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (fieldErrors != null) {
      body.put("fieldErrors", fieldErrors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
