package md.nrs.referral.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client for the running platform: HTTP Basic for /engine-rest and /actuator, and a
 * webapp login session (cookies and CSRF token kept by hand, since the JDK's cookie store will not
 * send Secure cookies over the plain HTTP of a test) for the webapps' own API.
 */
public final class PlatformHttp {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public PlatformHttp(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public Response get(String path, Credentials credentials) {
    return send(request(path, credentials).GET());
  }

  public Response post(String path, Credentials credentials, String json) {
    return send(request(path, credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** A POST with further headers (e.g. an Idempotency-Key). */
  public Response post(String path, Credentials credentials, String json, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, credentials).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    headers.forEach(builder::header);
    return send(builder);
  }

  /** A POST as the webapps send it when they want HAL (embedded variables), e.g. Tasklist's filter list. */
  public Response postHal(String path, Credentials credentials, String json) {
    return send(request(path, credentials).header("Content-Type", "application/json").setHeader("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, Credentials credentials, String json) {
    return send(request(path, credentials).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Response delete(String path, Credentials credentials) {
    return send(request(path, credentials).DELETE());
  }

  public Response postForm(String path, Credentials credentials, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path, credentials).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST as Camunda Modeler sends a deployment: text fields, then files (name to content). */
  public Response postMultipart(String path, Credentials credentials, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "nrs-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, credentials).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Logs into a webapp the way the browser does: fetch the page for the CSRF cookie, then post the login form. */
  public WebappSession login(String app, String userId, String password) {
    WebappSession session = new WebappSession();
    Response page = get("/camunda/app/" + app + "/default/", session);
    session.remember(page);
    Response login = postForm("/camunda/api/admin/auth/user/default/login/" + app, session,
        Map.of("username", userId, "password", password));
    session.remember(login);
    session.loginResponse = login;
    // The login starts a new session without a CSRF token; like the browser, make one GET to get it.
    session.remember(get("/camunda/api/engine/engine/", session));
    return session;
  }

  private HttpRequest.Builder request(String path, Credentials credentials) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, text/plain, */*");
    if (credentials != null) {
      credentials.apply(builder);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public interface Credentials {
    void apply(HttpRequest.Builder builder);
  }

  /** A form's values as Tasklist submits them (submit-form body): checklists as JSON strings, flags as Boolean. */
  public static String formSubmission(Map<String, Object> form) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> variables = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Object> field : form.entrySet()) {
        Object value = field.getValue();
        variables.put(field.getKey(), value instanceof List<?>
            ? Map.of("value", json.writeValueAsString(value), "type", "Json")
            : Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
      }
      return json.writeValueAsString(Map.of("variables", variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Credentials basic(String userId, String password) {
    String token = Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return builder -> builder.header("Authorization", "Basic " + token);
  }

  public static final class WebappSession implements Credentials {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Response loginResponse;

    void remember(Response response) {
      for (String setCookie : response.headers("set-cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }

    public Response loginResponse() {
      return loginResponse;
    }

    @Override
    public void apply(HttpRequest.Builder builder) {
      if (!cookies.isEmpty()) {
        builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      String csrf = cookies.get("XSRF-TOKEN");
      if (csrf != null) {
        builder.header("X-XSRF-TOKEN", csrf);
      }
    }
  }

  public record Response(int status, String body, Map<String, List<String>> headerMap) {

    public List<String> headers(String name) {
      return headerMap.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).toList();
    }

    public String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
  }
}
