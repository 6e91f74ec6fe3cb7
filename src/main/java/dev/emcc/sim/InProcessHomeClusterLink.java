package dev.emcc.sim;

import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.RemoteCluster;

/**
 * The link between EMServices inside one process. It does what the HTTPS call would: the WAN must
 * be up, the remote cluster entry's fully qualified name must lead to a node running Cisco
 * Extension Mobility, each side must trust the other's Tomcat certificate, and the cluster that
 * answers must be the one the entry names.
 */
final class InProcessHomeClusterLink implements HomeClusterLink {
  private final World world;

  InProcessHomeClusterLink(SimulatorSession world) {
    this.world = world;
  }

  @Override
  public LinkReply<Wire.UserQueryAnswer> queryUser(Origin from, RemoteCluster entry, Wire.UserQuery query) {
    LinkReply<String> c = connect(from, entry);
    return c.failed() ? relay(c) : LinkReply.ok(world.emService(c.value()).queryUser(query));
  }

  @Override
  public LinkReply<Wire.HomeLoginAnswer> login(Origin from, RemoteCluster entry, Wire.HomeLoginRequest request) {
    LinkReply<String> c = connect(from, entry);
    return c.failed() ? relay(c) : LinkReply.ok(world.emService(c.value()).login(request));
  }

  @Override
  public LinkReply<Boolean> logout(Origin from, RemoteCluster entry, Wire.HomeLogoutRequest request) {
    LinkReply<String> c = connect(from, entry);
    return c.failed() ? relay(c) : LinkReply.ok(world.emService(c.value()).logout(request));
  }

  @Override
  public LinkReply<String> remoteUpdate(Origin from, RemoteCluster entry) {
    return connect(from, entry);
  }

  private static <T> LinkReply<T> relay(LinkReply<String> failure) {
    return LinkReply.failed(failure.failure(), failure.failureKey(), failure.failureArgs());
  }

  /** Opens the "HTTPS connection": returns the ID of the cluster that answers, or why none does. */
  private LinkReply<String> connect(Origin from, RemoteCluster entry) {
    String fqn = entry.fullyQualifiedName();
    if (!world.wanUp()) {
      return LinkReply.failed(EmccError.app(208), "link.wanDown", from.clusterId(), entry.clusterId());
    }
    Cluster target = null;
    Node node = null;
    for (Cluster c : world.workspace().clusters()) {
      if (c.clusterId().equals(from.clusterId())) {
        continue;
      }
      for (Node n : c.nodes()) {
        if (n.isNamed(fqn)) {
          target = c;
          node = n;
          break;
        }
      }
      if (target != null) {
        break;
      }
    }
    if (target == null) {
      return LinkReply.failed(EmccError.service(40), "link.noHost", String.valueOf(fqn), entry.clusterId());
    }
    if (!node.services().extensionMobility()) {
      return LinkReply.failed(EmccError.app(208), "link.emDown", node.name(), target.clusterId());
    }
    Cluster source = world.index(from.clusterId()).cluster;
    if (!ClusterIndex.trustsTomcatOf(source, node)) {
      return LinkReply.failed(EmccError.app(208), "link.sourceDistrusts", source.clusterId(), node.name());
    }
    Node sourceNode = source.node(from.node()).orElse(null);
    if (sourceNode == null || !ClusterIndex.trustsTomcatOf(target, sourceNode)) {
      return LinkReply.failed(EmccError.app(208), "link.targetDistrusts", target.clusterId(),
          String.valueOf(from.node()));
    }
    if (!target.clusterId().equalsIgnoreCase(entry.clusterId())) {
      return LinkReply.failed(EmccError.service(42), "link.clusterIdMismatch", entry.clusterId(), fqn,
          target.clusterId());
    }
    return LinkReply.ok(target.clusterId());
  }
}
