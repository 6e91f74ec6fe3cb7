package dev.emcc.node;

import dev.emcc.model.Cluster;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Starts real nodes on 127.0.0.1 (port 0) in-process for tests. */
public final class TestNodes {
  private TestNodes() {}

  /** Collects the node's log lines, so tests stay quiet and can look at them. */
  public static final class Log implements NodeServer.NodeLog {
    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
      lines.add(line);
    }

    @Override
    public void error(String line, Throwable cause) {
      lines.add("ERROR " + line + ": " + cause);
    }
  }

  public static RunningNode start(Path dir, Cluster init) throws IOException {
    return start(dir, init, NodeServer.DEFAULT_BODY_LIMIT);
  }

  public static RunningNode start(Path dir, Cluster init, long bodyLimit) throws IOException {
    return RunningNode.start(dir, "127.0.0.1", 0, bodyLimit, init, new Log());
  }

  /** A node with other limits on its clients (short timeouts, a small body limit). */
  public static RunningNode start(Path dir, Cluster init, ServerLimits limits) throws IOException {
    return RunningNode.start(dir, Listeners.https("127.0.0.1", 0), limits, init, new Log());
  }

  public static NodeRef ref(RunningNode node) {
    return new NodeRef("https://127.0.0.1:" + node.port(), node.identity().fingerprint(), node.identity().token(),
        node.server().state().clusterId());
  }

  public static NodeClient client(RunningNode node) {
    return new NodeClient(ref(node));
  }
}
