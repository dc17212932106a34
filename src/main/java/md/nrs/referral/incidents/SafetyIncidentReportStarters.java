package md.nrs.referral.incidents;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Caseworkers and coordinators report a safety incident from Tasklist; the first step checks they work the case. */
@Configuration
class SafetyIncidentReportStarters {

  @Bean
  StartableProcess safetyIncidentIsReportedByHand() {
    return StartableProcess.byCaseworkersAndCoordinators(SafetyIncidentReportProcess.KEY);
  }
}
