package md.nrs.referral.platform;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import md.nrs.referral.testing.DeploymentEnvironment;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.PlatformHttp.Response;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The production profile on a throw-away PostgreSQL database, started from environment variables only. */
@RequiresPostgres
class CrashDurabilityOnPostgresIT extends CrashDurabilityContract {

  private static final String REFERRER = "crash.referrer";
  private static final String REFERRER_PASSWORD = "Sturdy#Intake-2026x";

  private PostgresDatabase database;

  @BeforeEach
  void freshDatabase() {
    database = PostgresDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Override
  Map<String, String> environment() {
    return DeploymentEnvironment.postgres(database);
  }

  /** No demo users in production: the administrator adds a La Strada caseworker, as Admin would. */
  @Override
  Credentials referrer(PlatformHttp http) {
    Response created = http.post("/engine-rest/user/create", reader(), """
        {"profile": {"id": "%s", "firstName": "Crash", "lastName": "Referrer", "email": "crash@example.org"},
         "credentials": {"password": "%s"}}""".formatted(REFERRER, REFERRER_PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    for (String group : new String[] {"la-strada", "caseworkers"}) {
      Response member = http.put("/engine-rest/group/" + group + "/members/" + REFERRER, reader(), null);
      assertThat(member.status()).as(member.toString()).isEqualTo(204);
    }
    return basic(REFERRER, REFERRER_PASSWORD);
  }

  @Override
  Credentials reader() {
    return basic("admin", DeploymentEnvironment.ADMIN_PASSWORD);
  }
}
