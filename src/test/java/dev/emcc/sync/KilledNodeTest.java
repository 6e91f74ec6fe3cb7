package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in a child JVM ({@code emcc serve-node}) is killed (SIGKILL) while it applies a large
 * batch: after a restart it holds either none or all of the batch, and the next push completes.
 */
class KilledNodeTest {
  static final int PHONES = 20_000;
  static final Pattern LISTENING = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/");
  static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}(:[0-9A-F]{2}){31})");

  @TempDir
  Path dir;
  Process child;

  /** A running child node: its process, its output lines, and how to reach it. */
  record Child(Process process, BlockingQueue<String> lines, int port) {}

  Child startChild(Path data, int port, Path init) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx1g", "dev.emcc.app.Main", "serve-node",
        "--data", data.toString(), "--port", String.valueOf(port)));
    if (init != null) {
      cmd.addAll(List.of("--init", init.toString()));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    child = p;
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("EOF " + e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    String line = awaitLine(lines, "listening");
    Matcher m = LISTENING.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return new Child(p, lines, Integer.parseInt(m.group(1)));
  }

  static String awaitLine(BlockingQueue<String> lines, String containing) throws InterruptedException {
    StringBuilder seen = new StringBuilder();
    while (true) {
      String line = lines.poll(120, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the child node never printed \"" + containing + "\"; it printed:\n" + seen);
      }
      seen.append(line).append('\n');
      if (line.contains(containing)) {
        return line;
      }
    }
  }

  @AfterEach
  void kill() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void aNodeKilledDuringABatchHoldsAllOrNothingAndTheNextPushCompletes() throws Exception {
    Path data = dir.resolve("node");
    Path init = dir.resolve("init.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 5))), init);
    Child first = startChild(data, 0, init);
    String fingerprint = null;
    // the fingerprint was printed once, before the "listening" line
    Files.createDirectories(data);
    String token = Files.readString(data.resolve("api-token")).trim();

    Path workspace = dir.resolve("console/workspace.json");
    Cluster big = Fixtures.cluster("TOKYO", "OSAKA", 5);
    List<Phone> phones = new ArrayList<>(big.phones());
    for (int i = 5; i < PHONES; i++) {
      phones.add(WorkspaceFormat.readCluster(("{\"clusterId\":\"TOKYO\",\"phones\":[" + Fixtures.phone("TOKYO", i) + "]}")
          .getBytes(StandardCharsets.UTF_8), "phone").phones().get(0));
    }
    WorkspaceFormat.write(Workspace.of(List.of(big.withPhones(phones))), workspace);

    fingerprint = fingerprintOf(data);
    NodeRef ref = new NodeRef("https://127.0.0.1:" + first.port(), fingerprint, token, "TOKYO");
    Syncer once = new Syncer(LocalWorkspace.file(workspace), new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      data.register(watch, StandardWatchEventKinds.ENTRY_MODIFY);
      CompletableFuture<List<PushResult>> push = CompletableFuture.supplyAsync(() -> {
        try {
          return once.push(List.of(new NodeClient(ref)), "TOKYO");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      awaitLine(first.lines(), "change(s), applying");
      watch.poll(60, TimeUnit.SECONDS); // the store starts writing the batch: kill the node now
      first.process().destroyForcibly().waitFor();
      List<PushResult> results = push.get(5, TimeUnit.MINUTES);
      assertThat(results).hasSize(1); // whatever it says, the node's state decides below
    }

    Child second = startChild(data, first.port(), null);
    NodeClient client = new NodeClient(ref);
    int held = client.objects().objects().keySet().stream().filter(k -> k.collection().equals("phones"))
        .mapToInt(k -> 1).sum();
    assertThat(held).as("phones on the node after the kill").isIn(5, PHONES);

    PushResult again = new Syncer(LocalWorkspace.file(workspace), RetryPolicy.DEFAULT)
        .push(List.of(client), "TOKYO").get(0);
    assertThat(again.ok()).as(String.valueOf(again.error())).isTrue();
    assertThat(client.objects().objects().keySet().stream().filter(k -> k.collection().equals("phones")).count())
        .isEqualTo(PHONES);
    assertThat(new Syncer(LocalWorkspace.file(workspace), RetryPolicy.DEFAULT).plan(client, "TOKYO").items()).isEmpty();
    second.process().destroy();
  }

  /** The certificate's fingerprint, read from the node's keystore as a console admin would get it. */
  static String fingerprintOf(Path data) throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12", "SUN");
    try (var in = Files.newInputStream(data.resolve("node-identity.p12"))) {
      ks.load(in, "emcc-node".toCharArray());
    }
    return dev.emcc.certs.Fingerprints.pinned((java.security.cert.X509Certificate) ks.getCertificate("node"));
  }
}
