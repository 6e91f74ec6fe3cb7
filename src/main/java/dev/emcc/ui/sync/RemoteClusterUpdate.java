package dev.emcc.ui.sync;

import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteClusterStatus;
import dev.emcc.model.RemoteServices;
import dev.emcc.node.EmXml;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * "Update Remote Cluster Now": asks the remote cluster's node with this product's cluster-to-cluster
 * {@code remoteClusterQuery} which of its services it has activated for this cluster. The node is
 * one registered for the remote cluster's id, else one registered at its fully qualified name. A
 * cluster that does not answer is recorded as answered=false with every service off.
 */
public final class RemoteClusterUpdate {
  private RemoteClusterUpdate() {}

  /** The new status and, when the remote cluster did not answer, why (else null). */
  public record Outcome(RemoteClusterStatus status, String node, String problem) {}

  /** The node to ask: registered for the cluster id, else registered at the FQDN's host. */
  public static Optional<NodeRef> nodeFor(List<NodeRef> nodes, RemoteCluster remote) {
    Optional<NodeRef> byId = nodes.stream()
        .filter(n -> remote.clusterId() != null && remote.clusterId().equalsIgnoreCase(n.clusterId())).findFirst();
    if (byId.isPresent()) {
      return byId;
    }
    String fqdn = remote.fullyQualifiedName() == null ? "" : remote.fullyQualifiedName().trim();
    return nodes.stream().filter(n -> fqdn.equalsIgnoreCase(URI.create(n.url()).getHost())).findFirst();
  }

  /** Asks the node (blocking; call off the JavaFX thread). */
  public static Outcome ask(List<NodeRef> nodes, String localClusterId, RemoteCluster remote, Instant now) {
    Optional<NodeRef> node = nodeFor(nodes, remote);
    if (node.isEmpty()) {
      return silent(now, null, "no node is registered for cluster " + remote.clusterId() + " or at "
          + remote.fullyQualifiedName() + " (Cluster Nodes / Sync > Add node)");
    }
    NodeRef ref = node.get();
    try {
      NodeClient.Response r = new NodeClient(ref, Duration.ofSeconds(20))
          .intercluster(EmXml.remoteClusterQuery(localClusterId, remote.clusterId()));
      if (r.status() == 401) {
        return silent(now, ref.url(), ref.url() + " refused the API token (401)");
      }
      EmXml.Answer a = EmXml.readAnswer(r.text());
      if (!a.success()) {
        return silent(now, ref.url(), ref.url() + " answered EMService error " + a.code() + ": " + a.text());
      }
      Element results = EmXml.child(a.document(), "remoteClusterResults");
      if (results == null) {
        return silent(now, ref.url(), ref.url() + " sent no remoteClusterResults");
      }
      boolean emcc = false;
      boolean pstn = false;
      boolean rsvp = false;
      boolean tftp = false;
      boolean lbm = false;
      boolean uds = false;
      for (Element s : EmXml.children(results)) {
        boolean on = "true".equals(s.getAttribute("activated"));
        switch (s.getAttribute("name")) {
          case "emcc" -> emcc = on;
          case "pstnAccess" -> pstn = on;
          case "rsvpAgent" -> rsvp = on;
          case "tftp" -> tftp = on;
          case "lbm" -> lbm = on;
          case "uds" -> uds = on;
          default -> { }
        }
      }
      String version = results.getAttribute("version");
      return new Outcome(new RemoteClusterStatus(now, true, version.isEmpty() ? null : version,
          new RemoteServices(emcc, pstn, rsvp, tftp, lbm, uds)), ref.url(), null);
    } catch (NodeException e) {
      return silent(now, ref.url(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      return silent(now, ref.url(), ref.url() + " sent an unreadable answer: " + e.getMessage());
    }
  }

  private static Outcome silent(Instant now, String node, String problem) {
    return new Outcome(new RemoteClusterStatus(now, false, null, RemoteServices.NONE), node, problem);
  }
}
