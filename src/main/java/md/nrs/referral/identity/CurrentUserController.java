package md.nrs.referral.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.ProblemType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged into the webapps, for Tasklist's header: the name, the agency or team and the roles, read
 * from the person's groups (never from their name, where roles were once typed). Answers only to the webapps'
 * own session, about the session's user: nothing about anyone else, nothing about a case.
 */
@RestController
public class CurrentUserController {

  private final ProcessEngine engine;
  private final IdentityService identity;

  public CurrentUserController(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  @GetMapping("/nrs/me")
  ResponseEntity<Map<String, Object>> me(HttpServletRequest request) {
    String userId = sessionUser(request).orElseThrow(() -> new ApiProblem(ProblemType.AUTHENTICATION_REQUIRED, "Log in to Tasklist first"));
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<Group> groups = identity.createGroupQuery().groupMember(userId).orderByGroupName().asc().list();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", userId);
    answer.put("firstName", user == null ? null : user.getFirstName());
    answer.put("lastName", user == null ? null : user.getLastName());
    answer.put("agencies", groups.stream().filter(g -> IdentitySeeder.TYPE_AGENCY.equals(g.getType())
        || IdentitySeeder.TYPE_TEAM.equals(g.getType())).map(g -> Map.of("id", g.getId(), "name", g.getName())).toList());
    answer.put("roles", groups.stream().filter(g -> !IdentitySeeder.TYPE_AGENCY.equals(g.getType())
        && !IdentitySeeder.TYPE_TEAM.equals(g.getType())).map(Group::getId).toList());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
  }

  private Optional<String> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName()))
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .map(UserAuthentication::getIdentityId);
  }
}
