package dev.emcc.node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngineResult;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose TLS handshake or request head takes longer than
 * {@link ServerLimits#headTimeout}. The idle timeout closes a silent client; this one closes a
 * client that trickles a byte now and then to keep a head open (Jetty has no head deadline of its
 * own). A sweep a few times per bound looks at each connection's parser: the time a head has been
 * open is known to within one sweep.
 */
final class HeadDeadline {
  private static final int HEAD_START = HttpParser.State.METHOD.ordinal();
  private static final int HEAD_END = HttpParser.State.HEADER.ordinal();

  private final Server server;
  private final Scheduler scheduler;
  private final long boundNanos;
  private final long everyMillis;
  /** Connections seen reading a head: which head (requests read before it) and since when. Sweeper thread only. */
  private final Map<EndPoint, long[]> open = new HashMap<>();
  private volatile boolean stopped;

  HeadDeadline(Server server, Scheduler scheduler, long boundMillis) {
    this.server = server;
    this.scheduler = scheduler;
    this.boundNanos = TimeUnit.MILLISECONDS.toNanos(boundMillis);
    this.everyMillis = Math.max(50, boundMillis / 4);
  }

  void start() {
    scheduler.schedule(this::sweep, everyMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    stopped = true;
  }

  private void sweep() {
    if (stopped) {
      return;
    }
    try {
      long now = System.nanoTime();
      Map<EndPoint, long[]> still = new HashMap<>();
      for (Connector c : server.getConnectors()) {
        for (EndPoint ep : c.getConnectedEndPoints()) {
          long head = headBeingRead(ep);
          if (head == Long.MIN_VALUE) {
            continue;
          }
          long[] seen = open.get(ep);
          if (seen == null || seen[0] != head) {
            seen = new long[] {head, now};
          }
          if (now - seen[1] > boundNanos) {
            ep.close(); // the client is told nothing more: it did not finish asking
          } else {
            still.put(ep, seen);
          }
        }
      }
      open.clear();
      open.putAll(still);
    } finally {
      if (!stopped) {
        scheduler.schedule(this::sweep, everyMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * Which head the connection is reading (-1: the TLS handshake, n: the head after n requests),
   * or {@link Long#MIN_VALUE} when it reads none (idle between requests, reading a body, or
   * answering). Parser state is read without its lock: a stale value delays a close by a sweep.
   */
  private static long headBeingRead(EndPoint ep) {
    Connection conn = ep.getConnection();
    if (conn instanceof SslConnection ssl) {
      if (ssl.getSSLEngine().getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
        return -1;
      }
      conn = ssl.getSslEndPoint().getConnection();
    }
    if (conn instanceof HttpConnection http) {
      int state = http.getParser().getState().ordinal();
      if (state >= HEAD_START && state <= HEAD_END) {
        return http.getMessagesIn();
      }
    }
    return Long.MIN_VALUE;
  }
}
