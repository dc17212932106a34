package md.nrs.referral.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import md.nrs.referral.testing.PostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The skip scan finds exactly the groups the engine's own {@code SELECT distinct(A.GROUP_ID_)} finds, on a real
 * PostgreSQL with authorizations on: group grants on tasks, definitions and '*', user grants (no group: NULL),
 * several grants per group, and group ids that sort around each other ("a", "a-b", "ab", "B").
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizedGroupsSkipScanOnPostgresTest {

  private static final String ENGINES = "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A";

  private PostgresDatabase database;
  private ProcessEngine engine;
  private final AuthorizedGroupsSkipScan skipScan = new AuthorizedGroupsSkipScan();
  private final TaskQueryAuthorizationJoin taskQueries = new TaskQueryAuthorizationJoin();

  @BeforeAll
  void engineWithAuthorizationsOn() {
    database = PostgresDatabase.create("nrs_it_");
    // the platform's other statement interceptor too, before this one: each must see the statement through the other's proxy
    engine = EngineWithInterceptorsOnPostgres.build(database, "authorized-groups", List.of(skipScan, taskQueries));
    int task = 0;
    for (String group : List.of("agency-a", "agency-a", "a", "a-b", "ab", "B", "zz", "agency-b", "agency-a")) {
      grant(group, null, "task-" + task++);
    }
    grant(null, "one.person", "task-" + task++);
    grant(null, "other.person", "*");
  }

  @AfterAll
  void dropTheDatabase() {
    if (engine != null) {
      engine.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theSkipScanFindsTheSameGroupsAsTheEnginesDistinct() throws SQLException {
    List<String> engines = rows(ENGINES);
    List<String> skipped = rows(AuthorizedGroupsSkipScan.skipScan(ENGINES));

    assertThat(skipped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(engines);
    // NULL for the user grants, as the engine's (the engine drops it)
    assertThat(new HashSet<>(skipped)).containsExactlyInAnyOrder("agency-a", "a", "a-b", "ab", "B", "zz", "agency-b", null);
  }

  @Test
  void withNoGroupGrantsAtAllBothFindNothingButNull() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE ACT_RU_AUTHORIZATION (GROUP_ID_ varchar(255))");
      statement.execute("INSERT INTO ACT_RU_AUTHORIZATION VALUES (NULL)");
      assertThat(rows(statement, AuthorizedGroupsSkipScan.skipScan(ENGINES))).containsExactly((String) null);
      statement.execute("DELETE FROM ACT_RU_AUTHORIZATION");
      assertThat(rows(statement, AuthorizedGroupsSkipScan.skipScan(ENGINES))).isEmpty();
      assertThat(rows(statement, ENGINES)).isEmpty();
    }
  }

  @Test
  void theEngineKeepsTheCallersGrantedGroupsThroughTheSkipScan() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Command<List<String>> filter = context -> context.getAuthorizationManager()
        .filterAuthenticatedGroupIds(List.of("agency-a", "ab", "nobody", "agency-c"));
    long before = skipScan.rewrites();
    List<String> scanned = configuration.getCommandExecutorTxRequired().execute(filter);
    assertThat(skipScan.rewrites()).isEqualTo(before + 1);
    skipScan.setEnabled(false);
    try {
      assertThat(configuration.getCommandExecutorTxRequired().execute(filter)).containsExactlyInAnyOrderElementsOf(scanned);
    } finally {
      skipScan.setEnabled(true);
    }
    assertThat(scanned).containsExactlyInAnyOrder("agency-a", "ab");
  }

  @Test
  void theTaskQueryIsStillRewrittenBesideTheSkipScan() {
    long scans = skipScan.rewrites();
    long rewrites = taskQueries.rewrites();
    engine.getIdentityService().setAuthentication("a.caseworker", List.of("agency-a"));
    try {
      assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(skipScan.rewrites()).isGreaterThan(scans);
    assertThat(taskQueries.rewrites()).isGreaterThan(rewrites);
  }

  @Test
  void anyOtherTextIsLeftAlone() {
    assertThat(AuthorizedGroupsSkipScan.skipScan(ENGINES + " WHERE A.TYPE_ = 1")).isNull();
    assertThat(AuthorizedGroupsSkipScan.skipScan("SELECT distinct(A.USER_ID_) FROM ACT_RU_AUTHORIZATION A")).isNull();
    assertThat(AuthorizedGroupsSkipScan.skipScan("  select DISTINCT ( A.GROUP_ID_ ) from ENGINE_ACT_RU_AUTHORIZATION A \n"))
        .contains("FROM ENGINE_ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ > G.GROUP_ID_");
  }

  private void grant(String group, String user, String taskId) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setUserId(user);
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  private List<String> rows(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      return rows(statement, sql);
    }
  }

  private static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.user(), database.password());
  }
}
