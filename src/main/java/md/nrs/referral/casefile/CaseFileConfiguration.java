package md.nrs.referral.casefile;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the start-request check on both engine APIs, after authentication and before the form guard. */
@Configuration
public class CaseFileConfiguration {

  @Bean
  FilterRegistrationBean<BusinessKeyStartRequests> businessKeyStartRequests() {
    FilterRegistrationBean<BusinessKeyStartRequests> registration = new FilterRegistrationBean<>(new BusinessKeyStartRequests());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 18);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("BusinessKeyStartRequests");
    return registration;
  }
}
