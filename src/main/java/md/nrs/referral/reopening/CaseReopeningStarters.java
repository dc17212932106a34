package md.nrs.referral.reopening;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and coordinators reopen a closed case from Tasklist; the first step checks they may. */
@Configuration
class CaseReopeningStarters {

  @Bean
  StartableProcess caseReopeningIsRequestedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(CaseReopeningProcess.KEY);
  }
}
