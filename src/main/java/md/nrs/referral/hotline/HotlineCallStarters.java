package md.nrs.referral.hotline;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hotline calls are recorded by the agencies that run a line (La Strada, Interaction), nobody else. */
@Configuration(proxyBeanMethods = false)
class HotlineCallStarters {

  @Bean
  StartableProcess hotlineCallIsStartedByOperators() {
    return StartableProcess.onlyBy(HotlineCallProcess.KEY, HotlineCallProcess.OPERATOR_AGENCIES);
  }
}
