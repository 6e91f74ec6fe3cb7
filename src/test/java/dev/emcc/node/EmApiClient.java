package dev.emcc.node;

import dev.emcc.wire.WirePaths;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An EM API client as integrators write them: a POST of the form field {@code xml} (or the raw
 * XML) to {@code /emservice/EMServiceServlet}, no API token, trusting the node's self-signed
 * certificate as a client given its PEM would.
 */
final class EmApiClient {
  record Answer(int status, String body, String contentType) {}

  private final HttpClient http;
  private final String base;

  private EmApiClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  /** Over HTTPS, trusting exactly the node's certificate. */
  static EmApiClient https(RunningNode node) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("node", node.identity().certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return new EmApiClient(HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build(), "https://127.0.0.1:" + node.port());
  }

  /** Over the node's plain HTTP port. */
  static EmApiClient http(RunningNode node) {
    return new EmApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        "http://127.0.0.1:" + node.httpPort());
  }

  Answer form(String xml) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + WirePaths.EMSERVICE))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8))));
  }

  Answer raw(String xml) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + WirePaths.EMSERVICE))
        .header("Content-Type", "text/xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(xml)));
  }

  /** A form post through a proxy (it adds a Via header). */
  Answer viaProxy(String xml) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + WirePaths.EMSERVICE))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Via", "1.1 proxy.example.com")
        .POST(HttpRequest.BodyPublishers.ofString("xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8))));
  }

  private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }
}
