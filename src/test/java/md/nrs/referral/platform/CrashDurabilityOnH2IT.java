package md.nrs.referral.platform;

import java.nio.file.Path;
import java.util.Map;
import md.nrs.referral.testing.DeploymentEnvironment;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: demo profile, H2 file database in a directory of its own. */
class CrashDurabilityOnH2IT extends CrashDurabilityContract {

  @TempDir
  Path data;

  @Override
  Map<String, String> environment() {
    return DeploymentEnvironment.h2(data);
  }

  @Override
  Credentials referrer(PlatformHttp http) {
    return demo("lastrada.caseworker");
  }

  @Override
  Credentials reader() {
    return demo("admin");
  }
}
