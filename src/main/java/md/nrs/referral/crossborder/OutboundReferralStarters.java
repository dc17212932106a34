package md.nrs.referral.crossborder;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and NRS coordinators ask a partner abroad by hand. */
@Configuration(proxyBeanMethods = false)
class OutboundReferralStarters {

  @Bean
  StartableProcess outboundReferralIsStartedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(OutboundReferralProcess.KEY);
  }
}
