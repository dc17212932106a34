package md.nrs.referral.privacy.notes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.engine.Platform;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.identity.IdentitySeeder;
import md.nrs.referral.identity.NrsRole;
import md.nrs.referral.security.RequestPaths;
import md.nrs.referral.security.WebappSessions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Free-text notes are for the agencies on the case. Managers, policy staff and the other roles that read
 * across cases (Cockpit's Variables tab, the engine's variable queries on either engine API) get every
 * variable but the free-text ones ({@link FreeTextVariables}): they are left out of lists and maps, and one
 * asked for by name is answered as a variable that does not exist. Staff of an agency or team pass unchanged
 * (the engine's authorizations already limit them to their cases' tasks), and so do NRS coordinators, who
 * act on every case (they approve each plan and closure from what the team wrote, and write notes of their own),
 * and administrators.
 */
public class FreeTextWithholding extends OncePerRequestFilter {

  /** Engine API paths that answer variables (values included). */
  private static final Pattern VARIABLE_PATHS = Pattern.compile("^/(variable-instance|history/variable-instance"
      + "|history/detail|(process-instance|execution|task|case-instance|case-execution)/[^/]+/"
      + "(variables|localVariables|form-variables)|task|history/task)(/.*)?$");
  /** One variable by name: {@code .../variables/{name}} (and {@code /data}). */
  private static final Pattern NAMED = Pattern.compile("^/[^/]+(?:/[^/]+)?/[^/]+/(?:variables|localVariables)/([^/]+)(/data)?$");
  private static final String WITHHELD = "No such variable: free-text notes are for the agencies on the case";

  private final ProcessEngine engine;
  private final Set<String> freeText;
  private final ObjectMapper json = new ObjectMapper();

  public FreeTextWithholding(ProcessEngine engine, Set<String> freeText) {
    this.engine = engine;
    this.freeText = freeText;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> paths = RequestPaths.enginePaths(request).stream().filter(p -> VARIABLE_PATHS.matcher(p).matches()).toList();
    if (paths.isEmpty() || !withheldFrom(request)) {
      chain.doFilter(request, response);
      return;
    }
    for (String path : paths) {
      Matcher named = NAMED.matcher(path);
      if (named.matches() && freeText.contains(URLDecoder.decode(named.group(1), StandardCharsets.UTF_8))) {
        Problems.write(response, ProblemType.NOT_FOUND, WITHHELD);
        return;
      }
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    byte[] body = answer.getContentAsByteArray();
    String type = answer.getContentType();
    if (answer.getStatus() / 100 != 2 || body.length == 0 || type == null || !type.contains("json")) {
      answer.copyBodyToResponse();
      return;
    }
    JsonNode tree = json.readTree(body);
    if (tree.isObject() && isFreeTextVariable(tree)) { // variable-instance/{id}, history/detail/{id}
      answer.resetBuffer();
      Problems.write(answer, ProblemType.NOT_FOUND, WITHHELD);
      answer.copyBodyToResponse();
      return;
    }
    withhold(tree);
    answer.resetBuffer();
    answer.getOutputStream().write(json.writeValueAsBytes(tree));
    answer.copyBodyToResponse();
  }

  /** Only people who belong to no agency or team, and are neither coordinators nor administrators, read across cases. */
  private boolean withheldFrom(HttpServletRequest request) {
    Optional<List<String>> groups = groups(request);
    if (groups.isEmpty() || groups.get().contains(NrsRole.ADMINISTRATORS.groupId())
        || groups.get().contains(NrsRole.NRS_COORDINATORS.groupId())) {
      return false; // not logged in: the authentication answers; coordinators are on every case; administrators see all
    }
    String[] ids = groups.get().toArray(String[]::new);
    if (ids.length == 0) {
      return true;
    }
    List<Group> found = Platform.asPlatform(engine.getIdentityService(),
        () -> engine.getIdentityService().createGroupQuery().groupIdIn(ids).list());
    return found.stream().noneMatch(g -> IdentitySeeder.TYPE_AGENCY.equals(g.getType())
        || IdentitySeeder.TYPE_TEAM.equals(g.getType()));
  }

  private Optional<List<String>> groups(HttpServletRequest request) {
    Optional<UserAuthentication> session = WebappSessions.user(request, engine.getName());
    if (session.isPresent()) {
      return Optional.of(session.get().getGroupIds() == null ? List.of() : session.get().getGroupIds());
    }
    Caller caller = Caller.current(engine.getIdentityService());
    return caller.authenticated() ? Optional.of(caller.groups()) : Optional.empty();
  }

  private boolean isFreeTextVariable(JsonNode node) {
    // variable rows name it "name" or "variableName"; history/detail's form-field rows name it "fieldId"
    return named(node.path("name")) && (node.has("value") || node.has("type")) || named(node.path("variableName"))
        || named(node.path("fieldId"));
  }

  private boolean named(JsonNode name) {
    return name.isTextual() && freeText.contains(name.asText());
  }

  /** Leaves the free-text variables out of lists (variable rows) and maps (name → value), at any depth. */
  private void withhold(JsonNode node) {
    if (node instanceof ArrayNode array) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        JsonNode element = it.next();
        if (element.isObject() && isFreeTextVariable(element)) {
          it.remove();
        } else {
          withhold(element);
        }
      }
    } else if (node instanceof ObjectNode object) {
      for (Iterator<java.util.Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        var field = it.next();
        if (freeText.contains(field.getKey()) && field.getValue().isObject()
            && (field.getValue().has("value") || field.getValue().has("type"))) {
          it.remove();
        } else {
          withhold(field.getValue());
        }
      }
    }
  }
}
