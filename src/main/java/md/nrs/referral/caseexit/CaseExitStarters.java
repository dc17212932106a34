package md.nrs.referral.caseexit;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and coordinators propose ending a case from Tasklist; the first step checks they may. */
@Configuration
class CaseExitStarters {

  @Bean
  StartableProcess caseExitIsProposedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(CaseExitProcess.KEY);
  }
}
