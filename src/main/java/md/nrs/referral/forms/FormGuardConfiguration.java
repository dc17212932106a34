package md.nrs.referral.forms;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the form guard on both engine APIs, after authentication and the query guards. */
@Configuration
public class FormGuardConfiguration {

  @Bean
  FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(ProcessEngine engine, FormCatalog catalog,
      FormValidator validator) {
    FilterRegistrationBean<FormSubmissionGuard> registration =
        new FilterRegistrationBean<>(new FormSubmissionGuard(engine, catalog, validator));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("FormSubmissionGuard");
    return registration;
  }
}
