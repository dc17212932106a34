package md.nrs.referral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The NRS Referral Platform: Camunda 7 engine, Tasklist, Cockpit, Admin and REST in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NrsReferralPlatformApplication {

  public static void main(String[] args) {
    SpringApplication.run(NrsReferralPlatformApplication.class, args);
  }
}
