package md.nrs.referral.dependants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import md.nrs.referral.engine.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases/{code}/dependants} (issue 15, item 5): the team responsible for an open case, or an NRS
 * coordinator, adds a child travelling with the person or a family member also exploited, as a linked case of their
 * own. The rules are {@link DependantCases}'s, shared with the Tasklist form "Add a family member to a case".
 */
@RestController
public class DependantsController {

  private final DependantCases cases;
  private final IdentityService identity;

  public DependantsController(DependantCases cases, IdentityService identity) {
    this.cases = cases;
    this.identity = identity;
  }

  @Operation(summary = "Add a dependant (a child or a family member) as a linked case of their own", description = "For "
      + "the team responsible for the open case and NRS coordinators. relation: child or family-member; ageBand: 0-2, "
      + "3-6, 7-17, 18+ or unknown (a child: under 18 or unknown); sex: female, male or unknown; person: optional, "
      + "kept only in the vault under the dependant's own case code.", security = @SecurityRequirement(name = "basicAuth"),
      responses = {
          @ApiResponse(responseCode = "201", description = "The dependant's case is open and linked"),
          @ApiResponse(responseCode = "400", description = "A field is missing or wrong (fieldErrors names it)"),
          @ApiResponse(responseCode = "403", description = "The caller does not hold the case (also for an unknown code)"),
          @ApiResponse(responseCode = "409", description = "The case has ended, or is itself a dependant's case")})
  @PostMapping("/api/cases/{code}/dependants")
  public ResponseEntity<DependantAnswer> add(@PathVariable String code,
      @RequestBody(required = false) DependantRequest request) {
    DependantAnswer answer = cases.add(code, request, Caller.current(identity));
    return ResponseEntity.created(URI.create("/api/cases/" + answer.caseCode())).cacheControl(CacheControl.noStore())
        .body(answer);
  }
}
