package md.nrs.referral.errors;

import static md.nrs.referral.testing.PlatformHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import md.nrs.referral.testing.FixtureAgencyTaskProcess;
import md.nrs.referral.testing.PlatformHttp;
import md.nrs.referral.testing.PlatformHttp.Credentials;
import md.nrs.referral.testing.TestUsers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A bounded, seeded fuzz of every /api endpoint the running application maps (read from Spring's own handler
 * mapping, so a new endpoint is fuzzed without touching this test) and of the task-completion path of both
 * engine APIs: bad types, huge and negative numbers, empty and unicode values, deeply nested JSON, wrong content
 * types, missing bodies, other agencies' ids, SQL- and EL-looking strings, sent as several users. Expected: no
 * 5xx, a message in every 4xx, no mutating request accepted, and the same row counts in every engine and
 * platform table before and after. Rerun a failure with -Dnrs.fuzz.seed=&lt;the printed seed&gt;.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiFuzzContract {

  static final String PASSWORD = "Test#Secret-2026";
  static final int MUTATIONS_PER_ENDPOINT = 6;
  static final Duration TIME_BOX = Duration.ofSeconds(40);
  /** The audit trail records refused access attempts by design (nrs_audit and its chain head); every other table must stay as it was. */
  static final Set<String> GROWS_BY_DESIGN = Set.of("nrs_audit", "nrs_audit_head");
  /** Accepted although sent by the fuzz: verifying the audit chain changes nothing but the audit trail. */
  static final Set<String> ACCEPTED_BY_DESIGN = Set.of("POST /api/audit/verify");

  static final List<String> BAD_VALUES = List.of("abc", "-1", "-2147483649", "2147483648", "99999999999999999999", "",
      " ", "1e309", "NaN", "null", "true", "2026-13-45", "notadate", "' OR '1'='1", "1; DROP TABLE nrs_audit; --",
      "${execution.getProcessEngineServices()}", "#{''.getClass().forName('java.lang.Runtime')}", "*{7*7}",
      "../../../etc/passwd", "la-strada", "NRS-2026-000001", "Ωmega-ñ-ț-ș-😀", "\u0000", "x".repeat(3000), "%00",
      "\r\nX-Injected: yes");
  static final List<String> BAD_BODIES = List.of("", "null", "[]", "{", "{\"a\":", "}", "\"text\"", "42",
      "{\"purpose\":[1],\"given\":\"maybe\"}", "{\"id\":{\"$gt\":\"\"}}", "<xml/>", "[".repeat(5000) + "]".repeat(5000),
      "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"n\":1" + "0".repeat(400) + "}",
      "{\"person\":{\"phone\":\"${7*7}\"},\"channel\":\"' OR 1=1 --\"}", "{\"values\":\"\\u0000\"}",
      "{\"caseCode\":\"NRS-2026-000001\",\"purpose\":\"assistance\",\"given\":false,\"extra\":[[[[[[]]]]]]}");
  static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "text/plain",
      "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");
  /** Never valid completions (an empty body is: it completes without variables). */
  static final List<String> BAD_COMPLETIONS = List.of("{", "[]", "\"x\"", "{\"variables\":\"x\"}",
      "{\"variables\":[1,2]}", "{\"variables\":{\"n\":{\"value\":\"abc\",\"type\":\"Integer\"}}}",
      "{\"variables\":{\"d\":{\"value\":\"notadate\",\"type\":\"Date\"}}}",
      "{\"variables\":{\"d\":{\"value\":\"1\",\"type\":\"NoSuchType\"}}}",
      "{\"variables\":{\"o\":{\"type\":\"Object\",\"value\":\"rO0ABXQAA2FiYw==\",\"valueInfo\":{\"objectTypeName\":"
          + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}",
      "{\"variables\":{\"n\":{\"value\":" + "[".repeat(3000) + "]".repeat(3000) + ",\"type\":\"Json\"}}}",
      "{\"withVariablesInReturn\":\"maybe\"}");

  @Autowired
  ProcessEngine engine;

  @Autowired
  DataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @LocalServerPort
  int port;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<String> findings = new ArrayList<>();
  private final List<Credentials> users = new ArrayList<>();
  private final List<String> userNames = new ArrayList<>();
  private PlatformHttp http;
  private String ownTask;
  private String otherAgencysTask;

  @BeforeAll
  void usersAndTasks() {
    http = new PlatformHttp(port);
    user("fz.cap", "cap-chisinau", "caseworkers");
    user("fz.auditor", "auditors");
    user("fz.manager", "managers");
    user("fz.secretariat", "permanent-secretariat");
    users.add(null); // and no one at all
    userNames.add("anonymous");
    engine.getRepositoryService().createDeployment().name("api-fuzz-fixture")
        .addClasspathResource("fixtures/agency-task.bpmn").enableDuplicateFiltering(true).deploy();
    ownTask = task("cap-chisinau");
    otherAgencysTask = task("la-strada");
  }

  @Test
  void noMutatedRequestIsA5xxOrAMessageless4xxAndNoRejectedRequestChangesAnyTable() throws Exception {
    long seed = Long.getLong("nrs.fuzz.seed", System.nanoTime());
    System.out.println("ApiFuzz seed: " + seed + " (rerun with -Dnrs.fuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    List<Endpoint> endpoints = apiEndpoints();
    assertThat(endpoints).as("the /api endpoints the application maps").hasSizeGreaterThan(20);
    Map<String, Long> before = rowCounts();
    long deadline = System.nanoTime() + TIME_BOX.toNanos();
    int sent = 0;

    for (Endpoint endpoint : endpoints) {
      for (int i = 0; i < MUTATIONS_PER_ENDPOINT && System.nanoTime() < deadline; i++) {
        int who = random.nextInt(users.size());
        sent += send(endpoint.method(), endpoint.mutatedPath(random), endpoint.takesBody() || random.nextInt(4) == 0
            ? pick(random, BAD_BODIES) : null, pick(random, CONTENT_TYPES), users.get(who), userNames.get(who),
            endpoint.key());
      }
    }
    PlatformHttp.WebappSession tasklist = http.login("tasklist", "fz.cap", PASSWORD);
    String missing = "00000000-0000-0000-0000-000000000000";
    for (String task : List.of(ownTask, otherAgencysTask, missing)) {
      for (int i = 0; i < MUTATIONS_PER_ENDPOINT && System.nanoTime() < deadline; i++) {
        String body = pick(random, BAD_COMPLETIONS);
        sent += send("POST", "/engine-rest/task/" + task + "/complete", body, "application/json", users.get(0), "fz.cap",
            "POST /engine-rest/task/{id}/complete");
        sent += send("POST", "/engine-rest/task/" + task + "/submit-form", body, "application/json", users.get(0), "fz.cap",
            "POST /engine-rest/task/{id}/submit-form");
        sent += send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form", body, "application/json",
            tasklist, "fz.cap (Tasklist)", "POST /camunda/api/engine/engine/default/task/{id}/submit-form");
      }
      if (!task.equals(ownTask)) {
        sent += send("DELETE", "/engine-rest/task/" + task, null, null, users.get(0), "fz.cap", "DELETE /engine-rest/task/{id}");
      }
    }
    Map<String, Long> after = rowCounts();

    System.out.println("ApiFuzz: " + sent + " requests to " + endpoints.size() + " /api endpoints and the task path, seed " + seed);
    assertThat(findings).as("seed " + seed).isEmpty();
    assertThat(after).as("row counts after the rejected requests (seed " + seed + ")").isEqualTo(before);
    assertThat(engine.getTaskService().createTaskQuery().taskId(ownTask).count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(otherAgencysTask).count()).isEqualTo(1);
    assertThat(sent).as("requests sent within the time box").isGreaterThan(100);
  }

  /** Sends one request and notes what is wrong with its answer; returns 1 (a request was sent). */
  private int send(String method, String path, String body, String contentType, Credentials who, String whoName,
      String endpoint) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, text/plain, */*");
    if (who != null) {
      who.apply(request);
    }
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      findings.add(endpoint + " as " + whoName + ": no answer (" + e.getClass().getSimpleName() + ")");
      return 1;
    }
    int status = response.statusCode();
    String shown = method + " " + cut(path) + " as " + whoName + " with " + cut(body) + " (" + contentType + ") -> " + status
        + " " + cut(response.body());
    if (status >= 500) {
      findings.add("5xx: " + shown);
    } else if (status >= 400 && message(response.body()).isBlank()) {
      findings.add("4xx without a message: " + shown);
    } else if (status < 400 && !"GET".equals(method) && !ACCEPTED_BY_DESIGN.contains(endpoint)) {
      findings.add("a mutated " + method + " was accepted: " + shown);
    }
    return 1;
  }

  private String message(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node == null ? "" : node.path("message").asText("");
    } catch (Exception notJson) {
      return "";
    }
  }

  /** Every /api handler of the running application, with the parameters its method declares. */
  private List<Endpoint> apiEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    new TreeMap<>(Map.copyOf(mappings.getHandlerMethods().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e))))
        .values().forEach(entry -> {
          RequestMappingInfo info = entry.getKey();
          HandlerMethod handler = entry.getValue();
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          for (String pattern : info.getPatternValues()) {
            if (!pattern.startsWith("/api/")) {
              continue;
            }
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
              endpoints.add(Endpoint.of(method.name(), pattern, handler));
            }
          }
        });
    return endpoints;
  }

  /** Row counts of the engine's (act_*) and the platform's (nrs_*) tables, from the database's own catalogue. */
  private Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement tables = connection.prepareStatement("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'TABLE')")) {
      tables.setString(1, connection.getSchema());
      List<String> names = new ArrayList<>();
      try (ResultSet rows = tables.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if ((lower.startsWith("act_") || lower.startsWith("nrs_")) && !GROWS_BY_DESIGN.contains(lower)) {
          try (Statement count = connection.createStatement(); ResultSet rows = count.executeQuery(
              "SELECT COUNT(*) FROM \"" + name + "\"")) {
            rows.next();
            counts.put(lower, rows.getLong(1));
          }
        }
      }
    }
    assertThat(counts.keySet()).as("tables found").anyMatch(t -> t.startsWith("act_ru_task")).anyMatch(t -> t.startsWith("nrs_"));
    return counts;
  }

  private void user(String id, String... groups) {
    TestUsers.ensure(engine, id, PASSWORD, groups);
    users.add(basic(id, PASSWORD));
    userNames.add(id);
  }

  private String task(String agency) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(FixtureAgencyTaskProcess.KEY, Map.of(FixtureAgencyTaskProcess.AGENCY.name(), agency)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String cut(String text) {
    if (text == null) {
      return "no body";
    }
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  /** An endpoint × method, and what its handler takes. */
  record Endpoint(String method, String pattern, List<String> queryParameters, boolean takesBody) {

    static Endpoint of(String method, String pattern, HandlerMethod handler) {
      List<String> query = new ArrayList<>();
      boolean body = false;
      for (MethodParameter parameter : handler.getMethodParameters()) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
          String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
              : parameter.getParameterName();
          if (name != null) {
            query.add(name);
          }
        }
        body |= parameter.hasParameterAnnotation(RequestBody.class)
            || jakarta.servlet.http.HttpServletRequest.class.isAssignableFrom(parameter.getParameterType());
      }
      return new Endpoint(method, pattern, query, body || !"GET".equals(method));
    }

    String key() {
      return method + " " + pattern;
    }

    /** The pattern with each {variable} a bad value, and each known query parameter (plus a stray one) given one. */
    String mutatedPath(Random random) {
      List<String> parts = new ArrayList<>();
      for (String part : pattern.split("/", -1)) {
        parts.add(part.startsWith("{") ? encode(pick(random, BAD_VALUES)) : part);
      }
      String path = String.join("/", parts);
      List<String> pairs = new ArrayList<>();
      for (String name : queryParameters) {
        if (random.nextInt(3) > 0) {
          pairs.add(name + "=" + encode(pick(random, BAD_VALUES)));
        }
      }
      if (random.nextInt(4) == 0) {
        pairs.add("firstResult=" + encode(pick(random, BAD_VALUES)));
      }
      return path + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
