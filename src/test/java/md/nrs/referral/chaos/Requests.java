package md.nrs.referral.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request of the load driver, with its answer (or the transport error that took its place), its
 * latency and the phase of the run it started in, for the steady-state checks and the summary.
 */
final class Requests {

  enum Phase { BEFORE, DURING, AFTER }

  /** One request as the client saw it: status -1 when no answer came (refused, reset, timed out). */
  record Call(String operation, String node, Phase phase, long startedMillis, long latencyMillis, int status, String body,
      String transportError) {

    boolean answered() {
      return status > 0;
    }

    boolean ok() {
      return status / 100 == 2;
    }

    @Override
    public String toString() {
      return operation + " on " + node + " in " + phase + ": " + (answered() ? status + " " + abbreviated(body) : transportError);
    }

    private static String abbreviated(String text) {
      return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Duration timeout;
  private volatile Phase phase = Phase.BEFORE;

  Requests(Duration timeout) {
    this.timeout = timeout;
  }

  void phase(Phase now) {
    this.phase = now;
  }

  Phase phase() {
    return phase;
  }

  List<Call> calls() {
    return new ArrayList<>(calls);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Call get(String operation, String node, int port, String path, String authorization) {
    return send(operation, node, HttpRequest.newBuilder(uri(port, path)).GET(), authorization, Map.of(), false);
  }

  Call post(String operation, String node, int port, String path, String authorization, String json) {
    return send(operation, node, HttpRequest.newBuilder(uri(port, path))
        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)), authorization,
        Map.of("Content-Type", "application/json"), true);
  }

  Call post(String operation, String node, int port, String path, String authorization, String json, Map<String, String> headers) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send(operation, node, HttpRequest.newBuilder(uri(port, path))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), authorization, all, true);
  }

  Call put(String operation, String node, int port, String path, String authorization, String json) {
    return send(operation, node, HttpRequest.newBuilder(uri(port, path))
        .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)), authorization,
        Map.of("Content-Type", "application/json"), true);
  }

  /** Reads (status polls, the driver's look-ups) are kept out of the recorded calls unless asked. */
  private Call send(String operation, String node, HttpRequest.Builder builder, String authorization,
      Map<String, String> headers, boolean recorded) {
    builder.timeout(timeout).header("Authorization", authorization).header("Accept", "application/json");
    headers.forEach(builder::header);
    Phase at = phase;
    long started = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Call call;
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      call = new Call(operation, node, at, started, (System.nanoTime() - t0) / 1_000_000, response.statusCode(),
          response.body(), null);
    } catch (IOException e) {
      call = new Call(operation, node, at, started, (System.nanoTime() - t0) / 1_000_000, -1, null,
          e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call = new Call(operation, node, at, started, 0, -1, null, "interrupted");
    }
    if (recorded) {
      calls.add(call);
    }
    return call;
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The 95th percentile of these latencies, in milliseconds (0 for none). */
  static long p95(List<Call> some) {
    long[] sorted = some.stream().filter(Call::answered).mapToLong(Call::latencyMillis).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
  }
}
