package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emcc.model.Cluster;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Nodes answering AXL on 127.0.0.1 for one test (signed in as the demo's application user with the
 * AXL role), each closed after it,
 * and the clients' wire, which checks every request and answer against Cisco's schema: the test
 * fails on any that does not fit. Register with {@code @RegisterExtension}.
 */
final class AxlTestNodes implements AfterEachCallback {
  final AxlSchema.Validating wire = new AxlSchema.Validating();
  private final List<RunningNode> nodes = new ArrayList<>();

  /** A node holding {@code cluster}, its store in {@code dir}. */
  RunningNode start(Path dir, Cluster cluster) throws Exception {
    RunningNode n = TestNodes.start(dir, cluster);
    nodes.add(n);
    return n;
  }

  /** How many nodes were started (to name the next one's folder). */
  int started() {
    return nodes.size();
  }

  AxlClient client(RunningNode n, AxlClient.BackOff backOff) {
    return new AxlClient(new AxlClient.Target("127.0.0.1", n.port(), DemoWorkspace.EM_API_USER,
        DemoWorkspace.EM_API_PASSWORD, AxlVersion.DEFAULT, n.identity().fingerprint()), backOff).wire(wire);
  }

  /** A client that waits little while the node is busy. */
  AxlClient client(RunningNode n) {
    return client(n, new AxlClient.BackOff(Duration.ofMillis(20), Duration.ofMillis(200), 50));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (RunningNode n : nodes) {
      n.close();
    }
    nodes.clear();
    assertTrue(wire.failures.isEmpty(), () -> String.join("\n\n", wire.failures));
  }
}
