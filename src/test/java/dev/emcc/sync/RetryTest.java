package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.Listeners;
import dev.emcc.node.RunningNode;
import dev.emcc.node.ServerLimits;
import dev.emcc.node.TestNodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push tries again only what another try can change: a refused connection, a timeout, a 5xx.
 * A refused token or a wrong fingerprint is tried once, and the report says why it was not
 * tried again; a node failing for a moment (its store locked by another process) is tried again
 * and the push goes through.
 */
class RetryTest {
  /** As the console's: four attempts; the delays kept short. */
  static final RetryPolicy FOUR = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(200));

  @TempDir
  Path dir;
  TestNodes.Log log;
  RunningNode node;
  Path workspace;

  @BeforeEach
  void start() throws Exception {
    log = new TestNodes.Log();
    node = RunningNode.start(dir.resolve("node"), Listeners.https("127.0.0.1", 0), ServerLimits.DEFAULTS, null, log);
    workspace = dir.resolve("workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 3))), workspace);
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  PushResult push(NodeClient client) throws Exception {
    return new Syncer(LocalWorkspace.file(workspace), FOUR).push(List.of(client), "TOKYO").get(0);
  }

  boolean logged(String prefix) {
    synchronized (log.lines) {
      return log.lines.stream().anyMatch(l -> l.startsWith(prefix));
    }
  }

  static String report(PushResult r) {
    StringWriter out = new StringWriter();
    SyncReport.print(List.of(r), new PrintWriter(out, true));
    return out.toString();
  }

  @Test
  void aRefusedTokenIsSentOnceAndTheReportSaysWhyNotAgain() throws Exception {
    NodeRef real = TestNodes.ref(node);
    PushResult r = push(new NodeClient(new NodeRef(real.url(), real.fingerprint(), "stale-token", null)));
    assertThat(r.ok()).isFalse();
    assertThat(r.error().kind()).isEqualTo(NodeException.Kind.AUTH);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.retriedAfter()).isEmpty();
    assertThat(r.notRetried()).isTrue();
    // the node saw the stale token once
    assertThat(List.copyOf(log.lines).stream().filter(l -> l.contains("a wrong API token")).count()).isEqualTo(1);
    assertThat(report(r)).contains("after 1 attempt").contains("not tried again: the node refused the API token");
    assertThat(SyncReport.json(r).path("notRetried").asText()).contains("401");
    assertThat(node.server().state().clusterId()).isNull();
  }

  @Test
  void aWrongFingerprintIsTriedOnceAndNothingReachesTheNode() throws Exception {
    NodeRef real = TestNodes.ref(node);
    String other = "AA:" + real.fingerprint().substring(3);
    PushResult r = push(new NodeClient(new NodeRef(real.url(), other, real.token(), null)));
    assertThat(r.error().kind()).isEqualTo(NodeException.Kind.TRUST);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(report(r)).contains("not tried again: the node's certificate is not the pinned one");
    assertThat(log.lines).isEmpty();
  }

  @Test
  void aNodeFailingForAMomentIsTriedAgainAndThePushGoesThrough() throws Exception {
    TestNodes.client(node).health(); // the node is up
    // another process holds the node's store: its write fails (500) after SQLite's busy timeout
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("node/node.db"));
        Statement st = other.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      CompletableFuture<PushResult> pushing = CompletableFuture.supplyAsync(() -> {
        try {
          return push(TestNodes.client(node));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!logged("ERROR") && System.nanoTime() < deadline && !pushing.isDone()) {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // polls a condition, with a deadline
      }
      st.execute("ROLLBACK"); // the other process lets go
      PushResult r = pushing.get(120, TimeUnit.SECONDS);
      assertThat(r.ok()).as(report(r)).isTrue();
      assertThat(r.attempts()).isEqualTo(2);
      assertThat(r.retriedAfter()).singleElement().satisfies(e -> {
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.retry()).isEqualTo(NodeException.Retry.SERVER_ERROR);
      });
      assertThat(report(r)).contains("tried again after: the node failed (HTTP 500)");
      assertThat(node.server().state().cluster().phones()).hasSize(3);
    }
  }
}
