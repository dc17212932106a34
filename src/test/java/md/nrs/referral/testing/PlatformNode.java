package md.nrs.referral.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.nrs.referral.NrsReferralPlatformApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running instance of the whole platform, started the way an operator starts it, on a free port. */
public final class PlatformNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private PlatformNode(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts the platform with these settings given as command-line arguments (--name=value). */
  public static PlatformNode start(String profile, Map<String, String> settings) {
    SpringApplication application = new SpringApplicationBuilder(NrsReferralPlatformApplication.class)
        .profiles(profile).build();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    settings.forEach((name, value) -> args.add("--" + name + "=" + value));
    return new PlatformNode(application.run(args.toArray(String[]::new)));
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int port() {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  public PlatformHttp http() {
    return new PlatformHttp(port());
  }

  @Override
  public void close() {
    context.close();
  }
}
