package dev.emcc.certs;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.Phone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Clusters with real node certificates for the tests. */
final class TestClusters {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final NodeCertificateIssuer ISSUER = new NodeCertificateIssuer();

  private TestClusters() {}

  // RSA key generation dominates the tests' time: issue each test cluster once per JVM
  private static final java.util.Map<String, Cluster> MADE = new java.util.concurrent.ConcurrentHashMap<>();

  /** A cluster of {@code nodes} nodes (the first a publisher running TFTP) and two phones. */
  static Cluster cluster(String id, int nodes, Set<CertificateType> types) {
    return MADE.computeIfAbsent(id + "/" + nodes + "/" + new java.util.TreeSet<>(types), k -> make(id, nodes, types));
  }

  private static Cluster make(String id, int nodes, Set<CertificateType> types) {
    List<Node> list = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String name = "cucm" + i + "." + id.toLowerCase() + ".example.com";
      NodeServices services = NodeServices.NONE.withCallManager(true).withTftp(i == 0);
      list.add(new Node(name, "10." + Math.abs(id.hashCode() % 200) + ".0." + (10 + i), i == 0, false, services, List.of()));
    }
    Cluster c = Cluster.empty(id, "14.0").withNodes(list)
        .withDevicePools(List.of(new DevicePool("DP_" + id, null, null, List.of(list.get(0).name()))))
        .withPhones(List.of(
            new Phone("SEP" + id + "01", null, "Cisco 8865", null, true, null, null, "DP_" + id, null, null),
            new Phone("SEP" + id + "02", null, "Cisco 8865", null, true, null, null, null, null, null)));
    return withCertificates(c, types);
  }

  static Cluster cluster(String id, int nodes) {
    return cluster(id, nodes, EnumSet.allOf(CertificateType.class));
  }

  static Cluster withCertificates(Cluster c, Set<CertificateType> types) {
    List<Node> out = new ArrayList<>();
    for (Node n : c.nodes()) {
      List<Certificate> certs = new ArrayList<>();
      for (CertificateType t : types) {
        certs.add(ISSUER.issue(c.clusterId(), n, t, NOW.minus(Duration.ofDays(1)), Duration.ofDays(3650)).model());
      }
      out.add(n.withCertificates(certs));
    }
    return c.withNodes(out);
  }

  static List<String> fingerprints(Cluster c, CertificateType type) {
    return c.nodes().stream().flatMap(n -> n.certificates().stream())
        .filter(x -> x.type() == type).map(Certificate::sha256).toList();
  }
}
