package dev.emcc.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A hostile or careless client for tests: a raw TLS socket to 127.0.0.1 that writes exactly the
 * bytes it is given (half a head, a broken chunk, a short body) and reads whatever comes back.
 */
final class RawTls implements AutoCloseable {
  private static final SSLContext TRUST_ALL;

  static {
    try {
      TRUST_ALL = SSLContext.getInstance("TLS");
      TRUST_ALL.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, new SecureRandom());
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** What came back: the status (0 when none) and the raw answer; {@code closed} when the node hung up. */
  record Answer(int status, String raw, boolean closed) {
    String body() {
      int at = raw.indexOf("\r\n\r\n");
      return at < 0 ? "" : raw.substring(at + 4);
    }
  }

  private final SSLSocket socket;

  private RawTls(SSLSocket socket) {
    this.socket = socket;
  }

  /** Connects and completes the TLS handshake (nothing of HTTP sent yet). */
  static RawTls connect(int port) throws IOException {
    SSLSocket s = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    s.setSoTimeout(30_000);
    s.setTcpNoDelay(true);
    s.startHandshake();
    return new RawTls(s);
  }

  RawTls send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawTls send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /**
   * Reads until the node closes the connection or {@code within} passes (then {@code closed} is
   * false). A reset counts as closed.
   */
  Answer readUntilClosed(Duration within) throws IOException {
    return read(within, false);
  }

  /** Reads one complete answer (head and a Content-Length body), or what came within the time. */
  Answer readAnswer(Duration within) throws IOException {
    return read(within, true);
  }

  private Answer read(Duration within, boolean oneAnswer) throws IOException {
    long deadline = System.nanoTime() + within.toNanos();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[8192];
    boolean closed = false;
    while (!(oneAnswer && complete(buf.toString(StandardCharsets.UTF_8)))) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      socket.setSoTimeout((int) Math.max(1, left));
      try {
        int n = in.read(chunk);
        if (n < 0) {
          closed = true;
          break;
        }
        buf.write(chunk, 0, n);
      } catch (SocketTimeoutException e) {
        break;
      } catch (IOException e) {
        closed = true; // reset, or TLS closed without close_notify
        break;
      }
    }
    return answer(buf.toString(StandardCharsets.UTF_8), closed);
  }

  private static boolean complete(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    for (String line : raw.substring(0, end).split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        int length = Integer.parseInt(line.substring(15).trim());
        return raw.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
      }
    }
    return true;
  }

  private static Answer answer(String raw, boolean closed) {
    int status = 0;
    if (raw.startsWith("HTTP/1.")) {
      try {
        status = Integer.parseInt(raw.substring(9, 12));
      } catch (RuntimeException e) {
        status = 0;
      }
    }
    return new Answer(status, raw, closed);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // gone already
    }
  }
}
