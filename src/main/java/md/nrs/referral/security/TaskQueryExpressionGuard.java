package md.nrs.referral.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task queries that carry expressions (JUEL is code: an expression in a query runs on the
 * server). The community 7.24 build checks ad-hoc queries but misses expressions nested in
 * {@code orQueries}; this guard covers /engine-rest and the webapps' own copy of the engine API
 * (/camunda/api/engine), query parameters and JSON bodies at any depth.
 *
 * <p>Stored filters may use only the fixed expressions of the seeded Tasklist filters
 * ({@code ${currentUser()}} and the like); ad-hoc queries and filter "extending queries" none at all.
 */
public class TaskQueryExpressionGuard extends OncePerRequestFilter {

  private static final Pattern AD_HOC_QUERY =
      Pattern.compile("^/(task(/count)?|filter/[^/]+/(list|count|singleresult))$");
  private static final Pattern STORED_QUERY = Pattern.compile("^/filter/(create|[^/]+)$");
  private static final int MAX_QUERY_BODY = 256 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> allowedInStoredQueries;

  public TaskQueryExpressionGuard(Set<String> allowedInStoredQueries) {
    this.allowedInStoredQueries = allowedInStoredQueries;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String enginePath = RequestPaths.enginePath(request);
    enginePath = enginePath == null ? null : RequestPaths.lower(enginePath);
    boolean adHoc = enginePath != null && AD_HOC_QUERY.matcher(enginePath).matches();
    boolean stored = enginePath != null && !adHoc && STORED_QUERY.matcher(enginePath).matches()
        && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    if (!adHoc && !stored) {
      chain.doFilter(request, response);
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> parameter : QueryStrings.parse(request.getQueryString()).entrySet()) {
      for (String value : parameter.getValue()) {
        check(parameter.getKey(), parameter.getKey(), value, stored, problems);
      }
    }
    HttpServletRequest forward = request;
    if (!"GET".equals(request.getMethod())) {
      CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_QUERY_BODY);
      if (cached == null) {
        Problems.write(response, ProblemType.TOO_LARGE, "Query body larger than " + MAX_QUERY_BODY + " bytes");
        return;
      }
      if (cached.body().length > 0) {
        JsonNode body;
        try {
          body = json.readTree(cached.body());
        } catch (IOException malformed) {
          Problems.write(response, ProblemType.INVALID_REQUEST, "The query body is not valid JSON");
          return;
        }
        walk(body, "", stored, problems);
      }
      forward = cached;
    }
    if (!problems.isEmpty()) {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      problems.forEach(name -> fields.put(name, "may not be an expression"));
      Problems.writeInvalidFields(response, "Expressions are not allowed in task queries: " + String.join(", ", problems),
          fields, Map.of("fields", problems));
      return;
    }
    chain.doFilter(forward, response);
  }

  private void walk(JsonNode node, String path, boolean stored, List<String> problems) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = field.getValue();
        if (value.isValueNode()) {
          check(field.getKey(), fieldPath, value.asText(), stored, problems);
        } else {
          if (isExpressionField(field.getKey()) && !value.isNull()) {
            problems.add(fieldPath);
          }
          walk(value, fieldPath, stored, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String elementPath = path + "[" + i + "]";
        if (element.isValueNode()) {
          check("", elementPath, element.asText(), stored, problems);
        } else {
          walk(element, elementPath, stored, problems);
        }
      }
    }
  }

  private void check(String name, String path, String value, boolean stored, List<String> problems) {
    boolean expressionValue = value != null && (value.contains("${") || value.contains("#{"));
    boolean expressionField = isExpressionField(name) && value != null && !value.isEmpty() && !"null".equals(value);
    if ((expressionValue || expressionField) && !(stored && allowedInStoredQueries.contains(value.trim()))) {
      problems.add(path);
    }
  }

  private static boolean isExpressionField(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("expression");
  }
}
