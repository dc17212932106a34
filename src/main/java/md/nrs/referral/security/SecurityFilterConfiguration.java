package md.nrs.referral.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import md.nrs.referral.tasklist.TasklistFilterSeeder;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The order of the security filters: headers, closed setup API and login throttle, authentication, then query inspection. */
@Configuration
public class SecurityFilterConfiguration {

  private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(@Value("${nrs.security.hsts:false}") boolean hsts) {
    return registration(new SecurityHeadersFilter(hsts), FIRST, "/*");
  }

  @Bean
  FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard() {
    return registration(new SetupEndpointGuard(), FIRST + 1, "/*");
  }

  @Bean
  LoginThrottle loginThrottle(java.time.Clock clock,
      @Value("${nrs.security.login-throttle.pair-free-failures:5}") int pairFree,
      @Value("${nrs.security.login-throttle.account-free-failures:10}") int accountFree,
      @Value("${nrs.security.login-throttle.source-free-failures:30}") int sourceFree,
      @Value("${nrs.security.login-throttle.first-delay:PT1S}") java.time.Duration firstDelay,
      @Value("${nrs.security.login-throttle.max-delay:PT60S}") java.time.Duration maxDelay,
      @Value("${nrs.security.login-throttle.window:PT15M}") java.time.Duration window,
      @Value("${nrs.security.login-throttle.known-source-for:P30D}") java.time.Duration knownSourceFor,
      @Value("${nrs.security.login-throttle.max-entries:50000}") int maxEntries) {
    return new LoginThrottle(new LoginThrottle.Policy(pairFree, accountFree, sourceFree, firstDelay, maxDelay, window,
        knownSourceFor, maxEntries), clock);
  }

  /** Before the login audit and every authentication, on every path: it decides itself what is a login. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    return registration(new LoginThrottleFilter(throttle), FIRST + 1, "/*");
  }

  @Bean
  FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(ProcessEngine engine,
      @Value("${nrs.security.public-paths}") List<String> publicPaths) {
    return registration(new ActuatorAuthenticationFilter(engine.getIdentityService(), Set.copyOf(publicPaths)),
        FIRST + 2, "/actuator", "/actuator/*");
  }

  @Bean
  FilterRegistrationBean<RestApiAuthenticationFilter> restApiAuthenticationFilter(ProcessEngine engine) {
    return registration(new RestApiAuthenticationFilter(engine.getIdentityService(), engine.getName()), FIRST + 3, "/engine-rest/*",
        "/api/*");
  }

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
    Set<String> allowed = new HashSet<>(TasklistFilterSeeder.SAFE_EXPRESSIONS);
    return registration(new TaskQueryExpressionGuard(allowed), FIRST + 4, "/engine-rest/*", "/camunda/api/engine/*");
  }

  /** After the Basic authentication: the caller's groups decide who may touch jobs, batches and the like. */
  @Bean
  FilterRegistrationBean<EngineAdminEndpointGuard> engineAdminEndpointGuard(ProcessEngine engine) {
    return registration(new EngineAdminEndpointGuard(engine), FIRST + 4, "/engine-rest/*", "/camunda/api/engine/*");
  }

  /** Only Cockpit users read Cockpit's own API (process statistics and the like). */
  @Bean
  FilterRegistrationBean<CockpitApiGuard> cockpitApiGuard(ProcessEngine engine) {
    return registration(new CockpitApiGuard(engine.getName()), FIRST + 4, "/camunda/api/cockpit/*");
  }

  /** Runs before Camunda's own CSRF filter (the webapps' filters come after the application's). */
  @Bean
  FilterRegistrationBean<CsrfTokenCheck> csrfTokenCheck() {
    return registration(new CsrfTokenCheck(), FIRST + 2, "/camunda/api/*", "/camunda/app/*");
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(ProcessEngine engine) {
    return registration(new PasswordPolicyGuard(engine.getIdentityService()), FIRST + 6, "/engine-rest/*",
        "/camunda/api/engine/*");
  }

  @Bean
  FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit}") int limit) {
    return registration(new WebappQueryPaging(limit), FIRST + 5, "/camunda/api/engine/*", "/camunda/api/cockpit/*",
        "/camunda/api/tasklist/*");
  }

  private static <T extends jakarta.servlet.Filter> FilterRegistrationBean<T> registration(T filter, int order,
      String... urlPatterns) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(order);
    registration.addUrlPatterns(urlPatterns);
    registration.setName(filter.getClass().getSimpleName());
    return registration;
  }
}
