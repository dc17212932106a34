package md.nrs.referral.dependants;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and coordinators add a family member from Tasklist; the first step checks they hold the case. */
@Configuration
class AddDependantStarters {

  @Bean
  StartableProcess dependantIsAddedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(AddDependantProcess.KEY);
  }
}
