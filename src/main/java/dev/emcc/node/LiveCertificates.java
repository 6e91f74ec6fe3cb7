package dev.emcc.node;

import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real Tomcat certificates and keys for the nodes of a workspace whose certificates may be mere
 * fingerprints. Each Tomcat (or Tomcat-ECDSA) certificate of a node is replaced by a freshly issued
 * one of the same type, and every trust store entry that named the old fingerprint names the new
 * one: trust stays present where the workspace had it and absent where it had not. Issued material
 * is kept per cluster, node and type, so many scenarios over the same clusters issue keys once.
 */
public final class LiveCertificates {
  private static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private final NodeCertificateIssuer issuer = new NodeCertificateIssuer();
  private final Map<String, NodeKeyMaterial> issued = new ConcurrentHashMap<>();

  /** A workspace rewritten with real certificates; {@link #material} gives their keys. */
  public Workspace prepare(Workspace ws) {
    Map<String, Set<String>> renamed = new LinkedHashMap<>();
    List<Cluster> clusters = new ArrayList<>();
    for (Cluster c : ws.clusters()) {
      List<Node> nodes = new ArrayList<>();
      for (Node n : c.nodes()) {
        List<Certificate> certs = new ArrayList<>();
        for (Certificate cert : n.certificates()) {
          if (!isTomcat(cert.type())) {
            certs.add(cert);
            continue;
          }
          NodeKeyMaterial m = material(c.clusterId(), n, cert.type());
          Certificate real = m.model();
          if (cert.sha256() != null) {
            renamed.computeIfAbsent(cert.sha256(), k -> new LinkedHashSet<>()).add(real.sha256());
          }
          certs.add(new Certificate(cert.type(), cert.subject(), real.sha256(), cert.notBefore(), cert.notAfter(),
              real.pem()));
        }
        nodes.add(n.withCertificates(certs));
      }
      clusters.add(c.withNodes(nodes));
    }
    // every cluster's certificates first: a trust store names certificates of clusters listed after it
    List<Cluster> trusting = new ArrayList<>();
    for (Cluster c : clusters) {
      TrustStores t = c.trustStores();
      trusting.add(c.withTrustStores(t.withTomcatTrust(rename(t.tomcatTrust(), renamed))));
    }
    return new Workspace(ws.formatVersion(), trusting);
  }

  /** The key and certificate a node presents: that of the given Tomcat type, issued once. */
  public NodeKeyMaterial material(String clusterId, Node node, CertificateType type) {
    String key = clusterId.toLowerCase(Locale.ROOT) + "|" + node.name().toLowerCase(Locale.ROOT) + "|" + type.json();
    return issued.computeIfAbsent(key, k -> issuer.issue(clusterId, node, type, NOT_BEFORE, VALIDITY));
  }

  /**
   * What a node without any Tomcat certificate presents: a certificate nobody trusts (a node
   * always has some certificate; the workspace just does not list it).
   */
  public NodeKeyMaterial stray(String clusterId, Node node) {
    String key = clusterId.toLowerCase(Locale.ROOT) + "|" + node.name().toLowerCase(Locale.ROOT) + "|stray";
    return issued.computeIfAbsent(key, k -> issuer.issue(clusterId, node, CertificateType.TOMCAT_ECDSA,
        NOT_BEFORE, VALIDITY));
  }

  static boolean isTomcat(CertificateType t) {
    return t == CertificateType.TOMCAT || t == CertificateType.TOMCAT_ECDSA;
  }

  private static List<String> rename(List<String> trust, Map<String, Set<String>> renamed) {
    List<String> out = new ArrayList<>();
    for (String f : trust) {
      Set<String> now = renamed.get(f);
      if (now == null) {
        out.add(f);
      } else {
        out.addAll(now);
      }
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
