package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and stalled clients on real TLS sockets cannot take a node off the air: with 8, 50 or 200
 * connections hanging in the middle of a head or a body, health answers on a fresh connection,
 * and the node closes the hanging ones within its configured bound. (The JDK server the node had
 * before answered nothing at all once 8 connections hung.)
 */
class SlowClientsTest {
  /** The node's bound for these tests (idle, head and body grace). */
  static final Duration BOUND = Duration.ofSeconds(6);
  /** What a loaded 2-core machine may add to a bound before the test calls the node silenced. */
  static final Duration SLACK = Duration.ofSeconds(20);
  /** A health probe's answer, TLS handshake included. */
  static final Duration PROBE = Duration.ofSeconds(5);

  static final String HEAD_IN_PART = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";

  @TempDir
  Path dir;

  static String bodyInPart(String token) {
    return "POST /api/v1/cluster/changes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"clusterId\":\"TOK";
  }

  @ParameterizedTest(name = "{0} stalled connections")
  @ValueSource(ints = {8, 50, 200})
  void healthAnswersWhileStalledClientsHangAndTheHangingAreClosedWithinTheBound(int stalled) throws Exception {
    ServerLimits limits = ServerLimits.DEFAULTS.withTimeouts(BOUND, BOUND, BOUND);
    try (RunningNode node = TestNodes.start(dir, Fixtures.cluster("TOKYO", "OSAKA", 3), limits)) {
      String token = node.identity().token();
      List<RawTls> hanging = new ArrayList<>();
      try {
        for (int i = 0; i < stalled; i++) {
          hanging.add(RawTls.connect(node.port()).send(i % 2 == 0 ? HEAD_IN_PART : bodyInPart(token)));
        }
        long opened = System.nanoTime();
        long worst = 0;
        for (int p = 0; p < 5; p++) {
          long t0 = System.nanoTime();
          RawTls.Answer health = probeHealth(node.port());
          worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
          assertThat(health.status()).as("health probe %d with %d stalled connections: %s", p, stalled, health.raw())
              .isEqualTo(200);
          assertThat(health.body()).contains("\"status\":\"ok\"");
        }
        System.out.printf("slow clients: %d stalled, worst health probe %d ms%n", stalled, worst);

        long deadline = opened + BOUND.plus(SLACK).toNanos();
        for (int i = 0; i < hanging.size(); i++) {
          RawTls.Answer a = hanging.get(i).readUntilClosed(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
          assertThat(a.closed()).as("stalled connection %d closed by the node within %s", i, BOUND.plus(SLACK)).isTrue();
          if (i % 2 == 1) { // a body that stopped: told so in the endpoint's language
            assertThat(a.status()).as(a.raw()).isEqualTo(408);
            assertThat(a.body()).startsWith("{\"error\":\"the body");
          } else {
            assertThat(a.raw()).isEmpty(); // half a head gets no answer: it asked nothing yet
          }
        }
      } finally {
        hanging.forEach(RawTls::close);
      }
    }
  }

  @Test
  void aHeadTrickledByteByByteIsClosedAtTheHeadBoundThoughItIsNeverIdle() throws Exception {
    Duration head = Duration.ofSeconds(2);
    ServerLimits limits = ServerLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(30), head, Duration.ofSeconds(30));
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    try (RunningNode node = TestNodes.start(dir, Fixtures.cluster("TOKYO", "OSAKA", 1), limits);
        RawTls slow = RawTls.connect(node.port())) {
      byte[] head200 = ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n").getBytes();
      AtomicInteger sent = new AtomicInteger();
      // one byte every 250 ms: never idle for long, a whole head in a minute
      ScheduledFuture<?> trickle = pace.scheduleAtFixedRate(() -> {
        int i = sent.getAndIncrement();
        if (i < head200.length) {
          try {
            slow.send(new byte[] {head200[i]});
          } catch (Exception e) {
            throw new IllegalStateException("closed", e); // stops the trickle
          }
        }
      }, 0, 250, TimeUnit.MILLISECONDS);
      RawTls.Answer a = slow.readUntilClosed(head.plus(SLACK));
      trickle.cancel(false);
      assertThat(a.closed()).as("a trickled head is closed").isTrue();
      assertThat(sent.get()).as("bytes sent before the close").isLessThan(head200.length);
      assertThat(probeHealth(node.port()).status()).isEqualTo(200);
    } finally {
      pace.shutdownNow();
    }
  }

  static RawTls.Answer probeHealth(int port) throws Exception {
    try (RawTls probe = RawTls.connect(port)) {
      probe.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      return probe.readAnswer(PROBE);
    }
  }
}
