package dev.emcc.sync;

import java.time.Duration;

/** How often and how patiently a transient failure (refused connection, 5xx, a race) is retried. */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  /** The pause before attempt {@code n} (2, 3, ...): doubling, bounded. */
  public Duration delayBefore(int attempt) {
    long ms = firstDelay.toMillis() << Math.min(attempt - 2, 20);
    return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
  }
}
