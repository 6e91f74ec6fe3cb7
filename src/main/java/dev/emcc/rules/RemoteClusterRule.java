package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.RemoteClusterFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 9 over the whole workspace: every cluster has a remote cluster (remote.none, 36);
 * an entry's Cluster Id is another cluster of the workspace (remote.unknownCluster: 42 when another
 * cluster answers at its address, 40 when nobody does; its own id: remote.self, no login code, the
 * entry is never asked); the cluster it names has an entry back (remote.notReciprocal: the home
 * cluster has no entry for this visiting cluster, 35, or knows its EM node under another ID, 212);
 * the codes are those the simulator gives. TFTP is off (remote.tftpOn) and EMCC on
 * (remote.emccOff) in every entry; the Fully Qualified Name names a node of that cluster
 * (remote.fqdnUnknown, warning: it may be a DNS name that resolves to one).
 */
public final class RemoteClusterRule implements Rule {
  public static final String NONE = "remote.none";
  public static final String UNKNOWN = "remote.unknownCluster";
  public static final String SELF = "remote.self";
  public static final String NOT_RECIPROCAL = "remote.notReciprocal";
  public static final String TFTP_ON = "remote.tftpOn";
  public static final String EMCC_OFF = "remote.emccOff";
  public static final String FQDN_UNKNOWN = "remote.fqdnUnknown";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(NONE, Set.of(36), UNKNOWN, Set.of(42, 40),
      NOT_RECIPROCAL, Set.of(35, 212));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    List<Cluster> clusters = workspace.clusters();
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      if (clusters.get(c).clusterId() != null) {
        index.putIfAbsent(key(clusters.get(c).clusterId()), c);
      }
    }
    for (int a = 0; a < clusters.size(); a++) {
      Cluster home = clusters.get(a);
      String id = home.clusterId();
      if (home.remoteClusters().isEmpty()) {
        out.error(NONE, id, Paths.of(a, "remoteClusters"), 36, Fix.at(RemoteClusterFields.CLUSTER_ID, null), id);
        continue;
      }
      for (int k = 0; k < home.remoteClusters().size(); k++) {
        RemoteCluster r = home.remoteClusters().get(k);
        String entry = Paths.item(a, "remoteClusters", k);
        if (r.services().tftp()) {
          out.error(TFTP_ON, id, entry + ".services.tftp", null, Fix.at(RemoteClusterFields.TFTP, r.clusterId()),
              r.clusterId());
        }
        if (!r.services().emcc()) {
          out.error(EMCC_OFF, id, entry + ".services.emcc", null, Fix.at(RemoteClusterFields.EMCC, r.clusterId()),
              r.clusterId());
        }
        if (Blank.is(r.clusterId())) {
          continue;
        }
        Integer b = index.get(key(r.clusterId()));
        Fix idFix = Fix.at(RemoteClusterFields.CLUSTER_ID, r.clusterId());
        if (b == null) {
          // another cluster answering at the address is 42, nobody answering 40 (the simulator's link)
          boolean answers = clusters.stream().anyMatch(o -> o != home && o.node(r.fullyQualifiedName()).isPresent());
          out.error(UNKNOWN, id, entry + ".clusterId", answers ? 42 : 40, idFix, r.clusterId());
          continue;
        }
        if (b == a) {
          // never asked for a user: the cluster's own users log in locally (no login code)
          out.error(SELF, id, entry + ".clusterId", null, idFix, r.clusterId());
          continue;
        }
        Cluster visiting = clusters.get(b);
        // A cluster with no entries at all is reported once, as remote.none, not once per peer.
        if (!visiting.remoteClusters().isEmpty() && visiting.remoteCluster(id).isEmpty()) {
          // the home (visiting, here) knows the cluster's EM node under another ID: 212, else 35
          boolean namesNode = visiting.remoteClusters().stream().anyMatch(e -> emNodes(home).stream()
              .anyMatch(n -> n.isNamed(e.fullyQualifiedName())));
          out.error(NOT_RECIPROCAL, visiting.clusterId(), Paths.of(b, "remoteClusters"), namesNode ? 212 : 35,
              Fix.at(RemoteClusterFields.CLUSTER_ID, id), visiting.clusterId(), id);
        }
        if (!Blank.is(r.fullyQualifiedName()) && visiting.node(r.fullyQualifiedName().trim()).isEmpty()) {
          out.warning(FQDN_UNKNOWN, id, entry + ".fullyQualifiedName", null,
              Fix.at(RemoteClusterFields.FULLY_QUALIFIED_NAME, r.clusterId()), r.fullyQualifiedName(),
              visiting.clusterId());
        }
      }
    }
    return out.list();
  }

  /** The nodes a cluster's EM services run on (the hosts of their URLs): where its EMService calls from. */
  private static List<dev.emcc.model.Node> emNodes(Cluster c) {
    return c.extensionMobilityServices().stream().map(s -> s.host().flatMap(c::node).orElse(null))
        .filter(java.util.Objects::nonNull).toList();
  }

  private static String key(String clusterId) {
    return clusterId.toLowerCase(Locale.ROOT);
  }
}
