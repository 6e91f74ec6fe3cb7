package dev.emcc.ui.simulator;

import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who is logged in where, until when, on the registered cluster nodes (their
 * {@code GET /api/v1/em/logins}): the logins made through Cisco's EM API by scripts, and any
 * other, for the trainer's view. Blocking; no JavaFX.
 */
public final class NodeLogins {
  /** A login and the node that holds it. */
  public record Row(String clusterId, String node, NodeClient.EmLogin login) {}

  /** The logins of every node that answered, and one line for each that did not. */
  public record Snapshot(List<Row> rows, List<String> problems, int nodes) {}

  private NodeLogins() {}

  public static Snapshot fetch(List<NodeRef> nodes) {
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (NodeRef ref : nodes) {
      try {
        for (NodeClient.EmLogin l : new NodeClient(ref, Duration.ofSeconds(10)).emLogins()) {
          rows.add(new Row(ref.clusterId() == null ? "" : ref.clusterId(), ref.url(), l));
        }
      } catch (NodeException | RuntimeException e) {
        problems.add(ref.url() + ": " + e.getMessage());
      }
    }
    rows.sort(Comparator.comparing(Row::clusterId).thenComparing(r -> r.login().deviceName()));
    return new Snapshot(List.copyOf(rows), List.copyOf(problems), nodes.size());
  }
}
