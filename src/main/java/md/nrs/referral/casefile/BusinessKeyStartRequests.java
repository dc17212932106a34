package md.nrs.referral.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.security.CachedBodyRequest;
import md.nrs.referral.security.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 naming {@code businessKey} for a process start or start-form submission that brings a
 * business key, on /engine-rest and on the webapps' API behind Tasklist's start dialog. The engine
 * refuses such a start anyway ({@link BusinessKeyGuard}), but these two resources report every engine
 * refusal as a 500; messages, conditions and restarts already answer 400 for it.
 */
public class BusinessKeyStartRequests extends OncePerRequestFilter {

  private static final Pattern START =
      Pattern.compile("^/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)$");
  private static final int MAX_BODY = 512 * 1024;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    if (!"POST".equals(request.getMethod()) || path == null || !START.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (cached == null) {
      Problems.write(response, ProblemType.TOO_LARGE, "The request body is too large");
      return;
    }
    if (bringsBusinessKey(cached.body())) {
      Problems.write(response, ProblemType.INVALID_REQUEST, BusinessKeyRefused.MESSAGE);
      return;
    }
    chain.doFilter(cached, response);
  }

  /** A businessKey member that is not null; a body that is not JSON is left to the engine to refuse. */
  private boolean bringsBusinessKey(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      JsonNode tree = json.readTree(body);
      return tree != null && tree.hasNonNull("businessKey");
    } catch (IOException notJson) {
      return false;
    }
  }
}
