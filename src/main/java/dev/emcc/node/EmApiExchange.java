package dev.emcc.node;

import dev.emcc.certs.Fingerprints;
import dev.emcc.certs.PinnedTrustManager;
import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * One Extension Mobility API exchange as a client makes it, kept whole so that a trainer can show
 * it: the request line, headers and body as sent (the form field {@code xml}, URL-encoded, as
 * Cisco's documentation shows, or the raw XML), and the answer's status, headers and body. Over
 * HTTPS the node is trusted by its certificate's SHA-256 fingerprint; no API token is sent (the EM
 * API's application user is in the XML).
 */
public final class EmApiExchange {
  /** What was sent and what came back. */
  public record Result(String requestHead, String requestBody, int status, Map<String, String> responseHeaders,
      String responseBody) {}

  private EmApiExchange() {}

  /** The EM API's URL on a node given as {@code https://host:port} (a path given is kept). */
  public static URI endpoint(String node) {
    URI u = URI.create(node.trim());
    if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null) {
      throw new IllegalArgumentException(node);
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")
        ? WirePaths.EMSERVICE : u.getRawPath();
    return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path);
  }

  /**
   * Sends one document.
   *
   * @param fingerprint the node certificate's SHA-256 fingerprint (required over HTTPS)
   * @param raw true: the XML as the body ({@code text/xml}); false: the form field {@code xml}
   */
  public static Result send(URI endpoint, String fingerprint, String xml, boolean raw)
      throws IOException, InterruptedException {
    String contentType = raw ? "text/xml; charset=utf-8" : "application/x-www-form-urlencoded";
    String body = raw ? xml : "xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> r = client(endpoint, fingerprint).send(request, HttpResponse.BodyHandlers.ofString());
    return result(endpoint, contentType, body, r);
  }

  /** One document over a client kept for many (its connection is kept alive), the form field {@code xml}. */
  public static String post(HttpClient client, URI endpoint, String xml) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8))).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static Result result(URI endpoint, String contentType, String body, HttpResponse<String> r) {
    String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\nHost: " + endpoint.getRawAuthority()
        + "\nContent-Type: " + contentType + "\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
    Map<String, String> headers = new TreeMap<>();
    r.headers().map().forEach((k, v) -> {
      if (!k.startsWith(":")) {
        headers.put(k, String.join(", ", v));
      }
    });
    return new Result(head, body, r.statusCode(), headers, r.body());
  }

  /** An HTTP/1.1 client for the node; over HTTPS it trusts exactly the certificate with that fingerprint. */
  public static HttpClient client(URI endpoint, String fingerprint) {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
    if (endpoint.getScheme().equals("https")) {
      if (fingerprint == null) {
        throw new IllegalStateException("an HTTPS node needs its certificate's fingerprint");
      }
      try {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {PinnedTrustManager.server(
            Fingerprints.normalize(fingerprint).replace(":", ""))}, new SecureRandom());
        SSLParameters params = ctx.getDefaultSSLParameters();
        params.setEndpointIdentificationAlgorithm(null); // the pinned fingerprint is the identity
        b.sslContext(ctx).sslParameters(params);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("TLS is not available in this Java runtime", e);
      }
    }
    return b.build();
  }

  /** The exchange as lines: {@code >} what was sent, {@code <} what came back. */
  public static List<String> transcript(Result r) {
    List<String> out = new ArrayList<>();
    for (String line : r.requestHead().split("\n")) {
      out.add("> " + line);
    }
    out.add(">");
    out.add("> " + r.requestBody());
    out.add("< HTTP/1.1 " + r.status());
    r.responseHeaders().forEach((k, v) -> out.add("< " + k + ": " + v));
    out.add("<");
    out.add("< " + r.responseBody());
    return out;
  }
}
