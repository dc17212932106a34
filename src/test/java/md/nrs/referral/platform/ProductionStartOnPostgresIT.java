package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import md.nrs.referral.testing.DeploymentEnvironment;
import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.JarProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * The production start as README's "Running on PostgreSQL" and docker/compose.yml describe it: the packaged
 * jar, the postgres profile, every setting an environment variable (NRS_PRIVACY_KEYS=id:base64 included).
 */
@RequiresPostgres
class ProductionStartOnPostgresIT {

  @Test
  void thePostgresProfileStartsFromEnvironmentVariablesOnlyAndAnAdministratorCanLogIn() {
    try (PostgresDatabase database = PostgresDatabase.create();
        JarProcess platform = JarProcess.start(getClass().getSimpleName(), DeploymentEnvironment.postgres(database))) {
      PlatformHttp http = platform.http();

      Response readiness = http.get("/actuator/health/readiness", basic("admin", DeploymentEnvironment.ADMIN_PASSWORD));
      assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
      assertThat(readiness.body()).contains("\"status\":\"UP\"");
      PlatformHttp.WebappSession admin = http.login("admin", "admin", DeploymentEnvironment.ADMIN_PASSWORD);
      assertThat(admin.loginResponse().status()).as(admin.loginResponse().toString()).isEqualTo(200);
      assertThat(admin.loginResponse().body()).contains("\"userId\":\"admin\"");
      Response users = http.get("/engine-rest/user?id=admin&maxResults=10", basic("admin", DeploymentEnvironment.ADMIN_PASSWORD));
      assertThat(users.status()).as(users.toString()).isEqualTo(200);

      platform.stop();
      String log = platform.log();
      assertThat(log).contains("The following 1 profile is active: \\\"postgres\\\"");
      assertThat(log).doesNotContain(DeploymentEnvironment.ADMIN_PASSWORD,
          FreshPostgresDatabase.PRIVACY_KEYS.substring(FreshPostgresDatabase.PRIVACY_KEYS.indexOf(':') + 1));
    }
  }
}
