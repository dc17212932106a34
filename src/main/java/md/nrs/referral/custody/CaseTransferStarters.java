package md.nrs.referral.custody;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and coordinators request a transfer from Tasklist; the first step checks they hold the case. */
@Configuration
class CaseTransferStarters {

  @Bean
  StartableProcess caseTransferIsRequestedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(CaseTransferProcess.KEY);
  }
}
