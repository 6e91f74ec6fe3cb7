package dev.emcc.node;

import dev.emcc.model.Cluster;
import dev.emcc.wire.ClusterObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A cluster node started from its data folder: identity (certificate and token), its SQLite store
 * ({@value #STORE_FILE}), the cluster state and the HTTPS server. Closing it stops the server and
 * closes the store.
 */
public final class RunningNode implements AutoCloseable {
  public static final String STORE_FILE = "node.db";

  private final NodeIdentity identity;
  private final NodePersistence persistence;
  private final NodeServer server;
  private final boolean initialized;

  private RunningNode(NodeIdentity identity, NodePersistence persistence, NodeServer server, boolean initialized) {
    this.identity = identity;
    this.persistence = persistence;
    this.server = server;
    this.initialized = initialized;
  }

  /**
   * Starts a node. {@code init}, when given, becomes the node's cluster if its store holds none
   * yet; a store that already holds a cluster keeps it (nothing saved is ever overwritten here).
   */
  public static RunningNode start(Path dataDir, String bind, int port, long bodyLimit, Cluster init,
      NodeServer.NodeLog log) throws IOException {
    return start(dataDir, Listeners.https(bind, port), ServerLimits.DEFAULTS.withBodyLimit(bodyLimit), init, log);
  }

  /** Starts a node on the given listeners with the given limits on its clients. */
  public static RunningNode start(Path dataDir, Listeners where, ServerLimits limits, Cluster init,
      NodeServer.NodeLog log) throws IOException {
    return start(dataDir, where, limits, init, log, Clock.systemUTC());
  }

  /** A node whose time-bound rules (PIN lockouts) run on {@code clock} (tests move it). */
  public static RunningNode start(Path dataDir, Listeners where, ServerLimits limits, Cluster init,
      NodeServer.NodeLog log, Clock clock) throws IOException {
    NodeServer.preload();
    NodeIdentity identity = NodeIdentity.loadOrCreate(dataDir, List.of(where.bind()));
    NodePersistence persistence = StoreNodePersistence.open(dataDir.resolve(STORE_FILE));
    try {
      ClusterState state = new ClusterState(persistence);
      boolean initialized = false;
      if (init != null && state.clusterId() == null) {
        try {
          state.replace(init.clusterId(), ClusterObjects.split(init), state.revision());
          initialized = true;
        } catch (StaleRevisionException | ClusterMismatchException e) {
          throw new IOException("cannot initialize the node: " + e.getMessage(), e);
        }
      }
      NodeServer server = NodeServer.start(identity, state, where, limits, log, clock);
      return new RunningNode(identity, persistence, server, initialized);
    } catch (IOException | RuntimeException e) {
      persistence.close();
      throw e;
    }
  }

  public NodeIdentity identity() {
    return identity;
  }

  public NodeServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  /** The plain HTTP port, or -1 when the node has none. */
  public int httpPort() {
    return server.httpPort();
  }

  /** True when this start loaded the --init cluster into an empty store. */
  public boolean initialized() {
    return initialized;
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      persistence.close();
    }
  }
}
