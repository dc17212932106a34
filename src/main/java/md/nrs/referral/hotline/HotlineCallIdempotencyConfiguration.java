package md.nrs.referral.hotline;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers the hotline call's Idempotency-Key on /engine-rest: after authentication, before the form guard. */
@Configuration(proxyBeanMethods = false)
class HotlineCallIdempotencyConfiguration {

  @Bean
  FilterRegistrationBean<HotlineCallIdempotency> hotlineCallIdempotency(HotlineCallRequests calls,
      PlatformTransactionManager transactions, ObjectProvider<IdentityService> identity) {
    FilterRegistrationBean<HotlineCallIdempotency> registration =
        new FilterRegistrationBean<>(new HotlineCallIdempotency(calls, transactions, identity));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 19);
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("HotlineCallIdempotency");
    return registration;
  }
}
