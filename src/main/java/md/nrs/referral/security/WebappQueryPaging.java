package md.nrs.referral.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded queries by authenticated users (queryMaxResultsLimit), which protects
 * the database from a careless or hostile REST client. Tasklist and Cockpit, however, ask for some
 * short lists (filters, variables) without paging, or with pages larger than the limit (Tasklist asks
 * for 2000 filters). For the webapps' own API only, this filter supplies a missing {@code maxResults}
 * and lowers a larger one to the limit, so the webapps work and the bound still holds. External
 * clients of /engine-rest get the engine's 400 and must page.
 */
public class WebappQueryPaging extends OncePerRequestFilter {

  private final int limit;

  public WebappQueryPaging(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Read the query string only: asking the request for a parameter would consume a form body.
    String requested = QueryStrings.first(request.getQueryString(), "maxResults");
    if (requested != null && withinLimit(requested)) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new Paged(request, String.valueOf(limit)), response);
  }

  private boolean withinLimit(String requested) {
    try {
      return Integer.parseInt(requested.trim()) <= limit;
    } catch (NumberFormatException notANumber) {
      return true; // the engine answers 400 for it
    }
  }

  private static final class Paged extends HttpServletRequestWrapper {

    private final String maxResults;

    Paged(HttpServletRequest request, String maxResults) {
      super(request);
      this.maxResults = maxResults;
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString() == null ? "" : super.getQueryString();
      String others = java.util.Arrays.stream(query.split("&"))
          .filter(p -> !p.isEmpty() && !p.startsWith("maxResults="))
          .collect(java.util.stream.Collectors.joining("&"));
      return (others.isEmpty() ? "" : others + "&") + "maxResults=" + maxResults;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? maxResults : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
      return "maxResults".equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
    }
  }
}
