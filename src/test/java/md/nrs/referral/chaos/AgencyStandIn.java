package md.nrs.referral.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import md.nrs.referral.agencies.delivery.WebhookSender;

/**
 * The agencies' webhooks: a real HTTP server on 127.0.0.1 that records every delivery with its
 * Idempotency-Key and applies each key once (as an agency's system must under at-least-once delivery).
 * It can be taken down (connection refused: the listening socket is closed) and made slow (answers
 * after the platform's timeout, having applied the notification: the platform must retry, the agency
 * must not apply it twice). Provider referrals it receives are queued for the agency to call back.
 */
final class AgencyStandIn implements AutoCloseable {

  enum Mode { UP, SLOW, DOWN }

  /** One POST received: which key, for which agency and step, in which mode, signed correctly or not. */
  record Delivery(String key, String agencyId, String step, String caseCode, Mode mode, boolean signed, Instant at) {
  }

  /** A provider referral this agency's system answers through the platform's callback API. */
  record CallbackDue(String agencyId, String notificationKey, String caseCode) {
  }

  private final ObjectMapper json = new ObjectMapper();
  private final String secret;
  private final Duration slowness;
  private final int port;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<CallbackDue> callbacks = new LinkedBlockingQueue<>();
  private final String providerStep;
  private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.UP;
  private HttpServer server;

  AgencyStandIn(String secret, Duration slowness, String providerStep) {
    this.secret = secret;
    this.slowness = slowness;
    this.providerStep = providerStep;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  String url(String agencyId) {
    return "http://127.0.0.1:" + port + "/hooks/" + agencyId;
  }

  synchronized void up() {
    if (server == null) {
      server = listen(port);
    }
    mode = Mode.UP;
  }

  /** Connection refused from now on: nothing listens on the port. */
  synchronized void down() {
    mode = Mode.DOWN;
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Listening, but answering only after the platform's timeout. */
  synchronized void slow() {
    up();
    mode = Mode.SLOW;
  }

  Mode mode() {
    return mode;
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The keys applied, each once however often it was delivered (what an agency's system does with the key). */
  Set<String> applied() {
    return Set.copyOf(applied);
  }

  /** The client ports of the deliveries being answered right now (a node's delivery job is executing). */
  Set<Integer> inFlightPorts() {
    return Set.copyOf(inFlight);
  }

  BlockingQueue<CallbackDue> callbacksDue() {
    return callbacks;
  }

  private HttpServer listen(int onPort) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 100);
        created.setExecutor(handlers);
        created.createContext("/hooks/", this::receive);
        created.start();
        return created;
      } catch (BindException busy) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot listen on " + onPort + " again", busy);
        }
        sleep(200);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    Mode now = mode;
    int peer = exchange.getRemoteAddress().getPort();
    inFlight.add(peer);
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String payload = new String(body, StandardCharsets.UTF_8);
      String key = exchange.getRequestHeaders().getFirst(WebhookSender.IDEMPOTENCY_HEADER);
      String timestamp = exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER);
      String signature = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER);
      boolean signed = timestamp != null && signature != null
          && signature.equals("sha256=" + WebhookSender.sign(secret, timestamp + "." + payload));
      JsonNode notification = json.readTree(payload);
      String agencyId = exchange.getRequestURI().getPath().substring("/hooks/".length());
      String step = notification.path("step").asText();
      String caseCode = notification.path("caseCode").asText();
      deliveries.add(new Delivery(key, agencyId, step, caseCode, now, signed, Instant.now()));
      if (!signed || key == null) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      // Applied before answering: a slow answer the platform gave up on was still applied here.
      if (applied.add(key) && step.equals(providerStep)) {
        callbacks.add(new CallbackDue(agencyId, key, caseCode));
      }
      if (now == Mode.SLOW) {
        sleep(slowness.toMillis());
      }
      exchange.sendResponseHeaders(200, -1);
    } finally {
      inFlight.remove(peer);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    handlers.shutdownNow();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
