package dev.emcc.axl;

import dev.emcc.certs.PinnedTrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * A cluster's AXL service over HTTPS: Basic auth as an application user, the certificate pinned
 * by its SHA-256 fingerprint (as for nodes), one keep-alive connection, every request sent again
 * after a growing pause while the server answers 503 or a "busy" fault.
 */
public final class AxlClient {
  /** Where and as whom: the publisher's host and port, the user, the AXL version, the pinned fingerprint (hex). */
  public record Target(String host, int port, String user, String password, AxlVersion version, String fingerprint) {
    public String url() {
      return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/axl/";
    }
  }

  /** How long to keep trying a busy server: first pause, longest pause, attempts in all. */
  public record BackOff(Duration first, Duration longest, int attempts) {
    public static final BackOff DEFAULT = new BackOff(Duration.ofMillis(250), Duration.ofSeconds(8), 10);
  }

  /** Sees every exchange's bytes (the tests validate them against Cisco's schema; the bench counts them). */
  public interface Wire {
    void exchanged(String operation, byte[] request, int status, byte[] response);
  }

  private final Target target;
  private final HttpClient http;
  private final PinnedTrustManager trust;
  private final BackOff backOff;
  private final String authorization;
  private volatile Wire wire;
  private final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();

  public AxlClient(Target target) {
    this(target, BackOff.DEFAULT);
  }

  public AxlClient(Target target, BackOff backOff) {
    this.target = target;
    this.backOff = backOff;
    this.trust = PinnedTrustManager.server(target.fingerprint() == null ? "" : target.fingerprint()
        .replace(":", "").toUpperCase(java.util.Locale.ROOT));
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (target.user() + ":" + target.password()).getBytes(StandardCharsets.UTF_8));
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
      SSLParameters params = ctx.getDefaultSSLParameters();
      params.setEndpointIdentificationAlgorithm(null); // the pin is the identity
      this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ctx).sslParameters(params)
          .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this Java runtime", e);
    }
  }

  public Target target() {
    return target;
  }

  public AxlClient wire(Wire w) {
    this.wire = w;
    return this;
  }

  /** How many requests were sent again after a 503 or busy answer. */
  public int retries() {
    return retries.get();
  }

  /** Sends one operation and returns its response element ({@code <getPhoneResponse>}). */
  public XmlTree call(XmlTree operation) throws AxlException {
    byte[] envelope = Soap.envelope(target.version(), operation);
    Duration pause = backOff.first();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> r = post(operation.name(), envelope);
      boolean busy = r.statusCode() == 503;
      if (!busy) {
        try {
          return answer(operation.name(), r);
        } catch (AxlException e) {
          busy = e.fault() != null && e.fault().busy();
          if (!busy) {
            throw e;
          }
        }
      }
      if (attempt >= backOff.attempts()) {
        throw new AxlException(AxlException.Kind.BUSY, target.url() + " is still busy after " + attempt
            + " attempts of " + operation.name() + " (HTTP 503 or a busy fault); nothing more was sent", null);
      }
      retries.incrementAndGet();
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(backOff.longest()) > 0 ? backOff.longest() : pause.multipliedBy(2);
    }
  }

  /** {@code GET /axl/}, as clients probe it: checks the certificate and the credentials. */
  public void probe() throws AxlException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(target.url())).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).GET().build();
    HttpResponse<byte[]> r = send(req, "GET /axl/");
    status(r.statusCode(), "GET /axl/");
  }

  /** Sends bytes as they are (the bench's raw transfer of the same SOAP bytes). */
  public byte[] raw(String operation, byte[] envelope) throws AxlException {
    return post(operation, envelope).body();
  }

  private HttpResponse<byte[]> post(String operation, byte[] envelope) throws AxlException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(target.url())).timeout(Duration.ofMinutes(5))
        .header("Authorization", authorization).header("Content-Type", Soap.CONTENT_TYPE)
        .header("SOAPAction", "\"" + target.version().soapAction(operation) + "\"")
        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
    HttpResponse<byte[]> r = send(req, operation);
    Wire w = wire;
    if (w != null) {
      w.exchanged(operation, envelope, r.statusCode(), r.body());
    }
    return r;
  }

  private HttpResponse<byte[]> send(HttpRequest req, String what) throws AxlException {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      if (trust.mismatch() != null) {
        String presented = trust.mismatch();
        throw new AxlException(AxlException.Kind.TRUST, target.url() + ": the certificate's SHA-256 fingerprint is "
            + presented + (target.fingerprint() == null || target.fingerprint().isEmpty() ? ", which is not pinned yet"
            : ", not the pinned " + target.fingerprint()) + "; check it with the cluster's administrator", e, null,
            presented);
      }
      String reason = e instanceof ConnectException || e.getCause() instanceof ConnectException
          ? "cannot connect" : String.valueOf(e.getMessage());
      throw new AxlException(AxlException.Kind.IO, target.url() + ": " + what + ": " + reason, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AxlException(AxlException.Kind.IO, what + " was interrupted", e);
    }
  }

  private XmlTree answer(String operation, HttpResponse<byte[]> r) throws AxlException {
    int s = r.statusCode();
    if (s == 401 || s == 403 || s == 404) {
      status(s, operation);
    }
    try {
      XmlTree body = Soap.body(r.body());
      if (s != 200) {
        throw new AxlException(AxlException.Kind.IO, operation + ": HTTP " + s + " without a fault", null);
      }
      if (!body.name().equals(operation + "Response")) {
        throw new AxlException(AxlException.Kind.IO, operation + ": the answer is <" + body.name() + ">", null);
      }
      return body;
    } catch (AxlFault f) {
      throw new AxlException(AxlException.Kind.FAULT, operation + " failed: " + f.getMessage() + " (AXL code "
          + f.code() + ")", f, f, null);
    } catch (IOException e) {
      throw new AxlException(AxlException.Kind.IO, operation + ": HTTP " + s + ", not an AXL answer: " + e.getMessage(), e);
    }
  }

  private void status(int s, String what) throws AxlException {
    switch (s) {
      case 401 -> throw new AxlException(AxlException.Kind.AUTHENTICATION, target.url() + " refused user "
          + target.user() + " (HTTP 401): check the user and the password", null);
      case 403 -> throw new AxlException(AxlException.Kind.FORBIDDEN, target.url() + ": user " + target.user()
          + " may not use AXL (HTTP 403): give it the \"Standard AXL API Access\" role", null);
      case 404 -> throw new AxlException(AxlException.Kind.IO, target.url() + " has no AXL service (HTTP 404)", null);
      default -> {
        if (s >= 400) {
          throw new AxlException(AxlException.Kind.IO, what + ": HTTP " + s, null);
        }
      }
    }
  }

  private static void sleep(Duration d) throws AxlException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AxlException(AxlException.Kind.IO, "interrupted while the server was busy", e);
    }
  }
}
