package dev.emcc.node;

import java.time.Duration;

/**
 * What a node grants one client, so that slow or hostile clients cannot take it off the air:
 * the largest body, how long a connection may stay silent, how long a request's head (and the TLS
 * handshake before it) may take, how fast a body must arrive, and how many connections are open at
 * once. The defaults suit a node on a LAN; tests shorten the times.
 *
 * @param bodyLimit largest request body in bytes (413 above it)
 * @param idleTimeout a connection with no bytes in either direction for this long is closed
 * @param headTimeout the TLS handshake and each request's head must be complete this long after
 *     their first byte (408 and closed otherwise)
 * @param bodyGrace a body may take this long plus its size at {@code minBodyRate}
 * @param minBodyRate bytes per second a body must keep up after {@code bodyGrace}
 * @param maxConnections connections open at once; beyond it the node stops accepting until one closes
 * @param headerLimit largest request head in bytes (431 above it)
 */
public record ServerLimits(long bodyLimit, Duration idleTimeout, Duration headTimeout, Duration bodyGrace,
    long minBodyRate, int maxConnections, int headerLimit) {
  public static final long DEFAULT_BODY_LIMIT = 64L * 1024 * 1024;
  public static final ServerLimits DEFAULTS = new ServerLimits(DEFAULT_BODY_LIMIT, Duration.ofSeconds(30),
      Duration.ofSeconds(10), Duration.ofSeconds(10), 64 * 1024, 512, 16 * 1024);

  public ServerLimits {
    if (bodyLimit < 1 || bodyLimit > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("bodyLimit must be 1 to " + (Integer.MAX_VALUE - 8) + " bytes");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || headTimeout.isNegative() || headTimeout.isZero()
        || bodyGrace.isNegative()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (minBodyRate < 1 || maxConnections < 1 || headerLimit < 1024) {
      throw new IllegalArgumentException("minBodyRate and maxConnections must be positive, headerLimit 1024 or more");
    }
  }

  public ServerLimits withBodyLimit(long bytes) {
    return new ServerLimits(bytes, idleTimeout, headTimeout, bodyGrace, minBodyRate, maxConnections, headerLimit);
  }

  /** The same limits with other time bounds (tests shorten them). */
  public ServerLimits withTimeouts(Duration idle, Duration head, Duration grace) {
    return new ServerLimits(bodyLimit, idle, head, grace, minBodyRate, maxConnections, headerLimit);
  }

  public ServerLimits withMaxConnections(int n) {
    return new ServerLimits(bodyLimit, idleTimeout, headTimeout, bodyGrace, minBodyRate, n, headerLimit);
  }

  /** How long a body of {@code bytes} may take to arrive. */
  public Duration bodyTime(long bytes) {
    return bodyGrace.plusMillis(bytes * 1000 / minBodyRate);
  }
}
