package md.nrs.referral.dvpilot;

import md.nrs.referral.identity.StartableProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DV pilot's agencies enrol participants, nobody else. */
@Configuration(proxyBeanMethods = false)
class DvEnrolmentStarters {

  @Bean
  StartableProcess dvEnrolmentIsStartedByPilotAgencies() {
    return StartableProcess.onlyBy(DvGroupCounsellingProcess.KEY, DvGroupCounsellingProcess.ENROLLING_AGENCIES);
  }
}
