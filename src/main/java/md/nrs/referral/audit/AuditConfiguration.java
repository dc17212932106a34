package md.nrs.referral.audit;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the login audit just before the authentication filters, on every path where one logs in. */
@Configuration
public class AuditConfiguration {

  @Bean
  FilterRegistrationBean<LoginAudit> loginAudit(AuditTrail trail, Clock clock,
      @Value("${nrs.audit.basic-auth-success-interval:PT15M}") Duration successInterval,
      @Value("${nrs.audit.login-failure-burst:PT15M}") Duration failureBurst) {
    FilterRegistrationBean<LoginAudit> registration =
        new FilterRegistrationBean<>(new LoginAudit(trail, clock, successInterval, failureBurst));
    // RestApiAuthenticationFilter is HIGHEST_PRECEDENCE + 13; this one wraps it.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/user/*");
    registration.setName("LoginAudit");
    return registration;
  }

  /** Inside the authentication and the operations guard: only retries the engine accepted are recorded. */
  @Bean
  FilterRegistrationBean<EngineRetryAudit> engineRetryAudit(AuditTrail trail, ProcessEngine engine) {
    FilterRegistrationBean<EngineRetryAudit> registration =
        new FilterRegistrationBean<>(new EngineRetryAudit(trail, engine.getName()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("EngineRetryAudit");
    return registration;
  }
}
