package md.nrs.referral.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 from a chosen loopback address (127.0.0.x), so that each test is its own "source" for the
 * login throttle; the JDK's HttpClient cannot pick its local address. Plain text, one request per connection.
 */
final class LoginThrottleHttp {

  private final String localAddress;
  private final int port;

  LoginThrottleHttp(String localAddress, int port) {
    this.localAddress = localAddress;
    this.port = port;
  }

  record Answer(int status, String body, Map<String, List<String>> headers) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer send(String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
        + "Accept: application/json\r\nConnection: close\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("HTTP from " + localAddress + " failed: " + e.getMessage(), e);
    }
  }

  private static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(status, body, headers);
  }
}
