package md.nrs.referral.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a request that failed anywhere below — in a password check of the authentication
 * filters, the webapps, the engine — because the database was away gets a 503 problem
 * ({@code urn:nrs:problem:database-unavailable}) with {@code Retry-After}, not a 500. Load balancers and
 * clients then know to try again (found by the chaos suite: while PostgreSQL was stopped, every
 * authenticated request, the readiness probe included, answered 500).
 */
public final class DatabaseAwayFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseAwayFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException failure) {
      if (!EngineErrors.databaseUnavailable(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), EngineErrors.classChain(failure));
      ClientMistake away = EngineErrors.databaseAway();
      response.resetBuffer();
      response.setHeader("Retry-After", "5");
      Problems.write(response, away);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<DatabaseAwayFilter> databaseAwayFilter() {
      FilterRegistrationBean<DatabaseAwayFilter> registration = new FilterRegistrationBean<>(new DatabaseAwayFilter());
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      registration.addUrlPatterns("/*");
      return registration;
    }
  }
}
