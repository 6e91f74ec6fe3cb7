package dev.emcc.node;

import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.model.Certificate;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.sim.SimulatorSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clusters of a simulation as live nodes on 127.0.0.1. Each node that another cluster calls
 * is an HTTPS server ({@link SimHomeNode}) on an ephemeral port, presenting its Tomcat certificate;
 * the visiting side calls it through {@link HttpsHomeClusterLink}. The network plays the DNS (a
 * remote cluster entry's fully qualified name leads to the node so named) and the WAN (down: the
 * visiting side is sent to a closed port).
 *
 * <p>One network serves one {@link SimulatorSession} at a time ({@link #open}); nodes and issued
 * keys stay up between sessions so that many scenarios over the same clusters start them once.
 */
public final class LiveNetwork implements AutoCloseable {
  static {
    // as NodeServer does: without it every answer waits for the caller's delayed ACK
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final LiveCertificates certificates;
  private final Object lock = new Object();
  private final Map<String, SimHomeNode> nodes = new HashMap<>();
  private final ExecutorService executor;
  private final int closedPort;
  private volatile SimulatorSession session;

  public LiveNetwork() {
    this(new LiveCertificates());
  }

  public LiveNetwork(LiveCertificates certificates) {
    this.certificates = certificates;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "emcc-live-node-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // a port that was just free and is now closed: what a WAN that is down looks like from here
      this.closedPort = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a closed port on 127.0.0.1", e);
    }
  }

  /** A session over the workspace (with real certificates) whose remote calls go over HTTPS. */
  public SimulatorSession open(Workspace ws) {
    return open(ws, SimulatorSession.EPOCH);
  }

  public SimulatorSession open(Workspace ws, Instant start) {
    Workspace live = certificates.prepare(ws);
    SimulatorSession s = new SimulatorSession(live, start, x -> new HttpsHomeClusterLink(this, x));
    synchronized (lock) {
      session = s;
    }
    return s;
  }

  /** The certificates and keys the network issued for the nodes. */
  public LiveCertificates certificates() {
    return certificates;
  }

  SimulatorSession session() {
    return session;
  }

  Object lock() {
    return lock;
  }

  int closedPort() {
    return closedPort;
  }

  /** The number of node servers started so far. */
  public int nodeCount() {
    synchronized (nodes) {
      return nodes.size();
    }
  }

  /** The tomcat-trust of a cluster in the current session's workspace. */
  Set<String> tomcatTrust(String clusterId) {
    SimulatorSession s = session;
    Cluster c = s == null ? null : cluster(s.workspace(), clusterId);
    return c == null ? Set.of() : Set.copyOf(c.trustStores().tomcatTrust());
  }

  /** The node a fully qualified name leads to, looked up as the in-process link does. */
  record Target(Cluster cluster, Node node) {}

  Target resolve(String fromCluster, String fqn) {
    for (Cluster c : session.workspace().clusters()) {
      if (c.clusterId().equals(fromCluster)) {
        continue;
      }
      for (Node n : c.nodes()) {
        if (n.isNamed(fqn)) {
          return new Target(c, n);
        }
      }
    }
    return null;
  }

  /** The port of a node's server, started on first use (or again when its certificate changed). */
  int port(Cluster cluster, Node node) throws IOException {
    NodeKeyMaterial key = presented(cluster, node);
    String id = cluster.clusterId() + "|" + node.name().toLowerCase(Locale.ROOT) + "|"
        + key.certificate().getSerialNumber();
    synchronized (nodes) {
      SimHomeNode n = nodes.get(id);
      if (n == null) {
        n = SimHomeNode.start(this, cluster.clusterId(), node.name(), key, executor);
        nodes.put(id, n);
      }
      return n.port();
    }
  }

  /**
   * The certificate a node presents: one of its Tomcat certificates, preferring one that another
   * cluster trusts (a node holding both an RSA and an ECDSA Tomcat certificate would offer the one
   * the peer can verify); a node without any presents one that nobody trusts.
   */
  NodeKeyMaterial presented(Cluster cluster, Node node) {
    List<Certificate> tomcat = node.certificates().stream().filter(c -> LiveCertificates.isTomcat(c.type())).toList();
    if (tomcat.isEmpty()) {
      return certificates.stray(cluster.clusterId(), node);
    }
    Certificate pick = tomcat.get(0);
    for (Certificate c : tomcat) {
      if (trustedElsewhere(cluster, c.sha256())) {
        pick = c;
        break;
      }
    }
    return certificates.material(cluster.clusterId(), node, pick.type());
  }

  private boolean trustedElsewhere(Cluster own, String sha256) {
    for (Cluster c : session.workspace().clusters()) {
      if (c != own && c.trustStores().tomcatTrust().contains(sha256)) {
        return true;
      }
    }
    return false;
  }

  static Cluster cluster(Workspace ws, String clusterId) {
    return ws.clusters().stream().filter(c -> c.clusterId().equals(clusterId)).findFirst().orElse(null);
  }

  @Override
  public void close() {
    synchronized (nodes) {
      nodes.values().forEach(SimHomeNode::close);
      nodes.clear();
    }
    executor.shutdownNow();
  }
}
