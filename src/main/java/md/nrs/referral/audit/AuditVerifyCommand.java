package md.nrs.referral.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line verification: {@code java -jar app.jar --nrs.audit.verify=true} (with the same
 * database settings as the platform) checks the chain, prints the result and exits with 0 when it is
 * intact, 3 when it names a broken entry.
 */
@Component
@ConditionalOnProperty(name = "nrs.audit.verify", havingValue = "true")
public class AuditVerifyCommand implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AuditVerifyCommand.class);

  private final AuditTrail trail;
  private final ConfigurableApplicationContext context;

  public AuditVerifyCommand(AuditTrail trail, ConfigurableApplicationContext context) {
    this.trail = trail;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    AuditTrail.Verification result = trail.verify();
    trail.record(new AuditEvent("command-line", AuditActions.AUDIT_VERIFIED, null, "nrs.audit.verify",
        result.valid() ? AuditEvent.OK : AuditEvent.FAILED, null,
        result.valid() ? result.entriesChecked() + " entries valid" : result.problem()));
    if (result.valid()) {
      LOG.info("Audit trail intact: {} entries verified", result.entriesChecked());
    } else {
      LOG.error("Audit trail BROKEN at entry {}: {}", result.firstBrokenEntry(), result.problem());
    }
    System.out.println(result.valid() ? "AUDIT OK " + result.entriesChecked() + " entries"
        : "AUDIT BROKEN " + result.problem());
    int code = result.valid() ? 0 : 3;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
