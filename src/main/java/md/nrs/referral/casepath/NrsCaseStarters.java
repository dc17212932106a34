package md.nrs.referral.casepath;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and NRS coordinators open a case by hand; the processes it calls start from it, never by hand. */
@Configuration(proxyBeanMethods = false)
class NrsCaseStarters {

  @Bean
  StartableProcess nrsCaseIsStartedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(NrsCaseProcess.KEY);
  }
}
