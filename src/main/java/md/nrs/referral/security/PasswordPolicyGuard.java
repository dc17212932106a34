package md.nrs.referral.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine enforces the password policy but its REST API answers a weak password with a bare 500.
 * This checks new passwords first and answers 400 naming the field and each rule not met. The engine
 * still checks again when it saves, so nothing depends on this filter for safety.
 */
public class PasswordPolicyGuard extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("^/user/create$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials$", Pattern.CASE_INSENSITIVE);
  private static final int MAX_BODY = 16 * 1024;

  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  public PasswordPolicyGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    Matcher credentials = path == null ? null : CREDENTIALS.matcher(path);
    boolean create = path != null && "POST".equals(request.getMethod()) && CREATE.matcher(path).matches();
    boolean update = credentials != null && "PUT".equals(request.getMethod()) && credentials.matches();
    if (!create && !update) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (cached == null) {
      Problems.write(response, ProblemType.TOO_LARGE, "Request body too large");
      return;
    }
    JsonNode body;
    try {
      body = json.readTree(cached.body());
    } catch (IOException malformed) {
      Problems.write(response, ProblemType.INVALID_REQUEST, "The body is not valid JSON");
      return;
    }
    String field = create ? "credentials.password" : "password";
    JsonNode password = create ? body.path("credentials").path("password") : body.path("password");
    if (password.isTextual()) {
      User user = identity.newUser(create ? body.path("profile").path("id").asText("") : credentials.group(1));
      if (create) {
        user.setFirstName(body.path("profile").path("firstName").asText(null));
        user.setLastName(body.path("profile").path("lastName").asText(null));
        user.setEmail(body.path("profile").path("email").asText(null));
      }
      PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password.asText(), user);
      if (!result.isValid()) {
        List<String> rules = result.getViolatedRules().stream().map(PasswordPolicyRule::getPlaceholder).toList();
        String problem = "does not meet the password policy (" + String.join(", ", rules) + ")";
        Problems.writeInvalidFields(response, field + ": the password " + problem, Map.of(field, problem),
            Map.of("field", field, "violatedRules", rules));
        return;
      }
    }
    chain.doFilter(cached, response);
  }
}
