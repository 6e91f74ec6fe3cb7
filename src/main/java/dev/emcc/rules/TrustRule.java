package dev.emcc.rules;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CertificatesFields;
import dev.emcc.schema.Field;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Task flow step 3 (certificates): after export, consolidate and import, each cluster's
 * Tomcat-trust holds every other cluster's Tomcat certificates and its CallManager-trust their
 * CallManager certificates (trust.missingRemoteCert). A login fails with 208 when the Tomcat
 * certificate of a node the two EMServices talk through is missing: the node another cluster's
 * remote cluster entry names, or the node of a cluster's EM service (the simulator checks these);
 * other missing certificates are errors without a predicted code. A Tomcat or CallManager
 * certificate past its notAfter is an error, other expired certificates warnings (cert.expired);
 * no login code is predicted for them: tomcat-trust pins certificates, and the simulator, like the
 * live link, does not check dates.
 */
public final class TrustRule implements Rule {
  public static final String MISSING = "trust.missingRemoteCert";
  public static final String EXPIRED = "cert.expired";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(MISSING, Set.of(208));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    List<Cluster> clusters = workspace.clusters();
    Instant now = context.clock().instant();
    for (int a = 0; a < clusters.size(); a++) {
      Cluster cl = clusters.get(a);
      for (int n = 0; n < cl.nodes().size(); n++) {
        Node node = cl.nodes().get(n);
        for (int k = 0; k < node.certificates().size(); k++) {
          Certificate cert = node.certificates().get(k);
          if (cert.notAfter() != null && cert.notAfter().isBefore(now)) {
            boolean trust = cert.type() == CertificateType.TOMCAT || cert.type() == CertificateType.CALL_MANAGER;
            out.add(trust ? Severity.ERROR : Severity.WARNING, EXPIRED, EXPIRED, cl.clusterId(),
                Paths.item(a, "nodes", n, "certificates[" + k + "].notAfter"), null,
                Fix.at(CertificatesFields.NOT_AFTER, node.name()), node.name(),
                cert.type() == null ? "?" : cert.type().json(), cert.notAfter().toString());
          }
        }
      }
    }
    for (int a = 0; a < clusters.size(); a++) {
      Cluster local = clusters.get(a);
      Set<String> tomcat = new HashSet<>(local.trustStores().tomcatTrust());
      Set<String> callManager = new HashSet<>(local.trustStores().callManagerTrust());
      for (int b = 0; b < clusters.size(); b++) {
        if (b == a) {
          continue;
        }
        Cluster remote = clusters.get(b);
        for (Node node : remote.nodes()) {
          for (Certificate cert : node.certificates()) {
            if (cert.sha256() == null || cert.sha256().isBlank()) {
              continue;
            }
            if (cert.type() == CertificateType.TOMCAT && !tomcat.contains(cert.sha256())) {
              boolean link = talksThrough(local, remote, node) && !trustsAnotherTomcatOf(tomcat, node, cert);
              missing(out, local, a, remote, node, cert, CertificatesFields.TOMCAT_TRUST, link ? 208 : null);
            } else if (cert.type() == CertificateType.CALL_MANAGER && !callManager.contains(cert.sha256())) {
              missing(out, local, a, remote, node, cert, CertificatesFields.CALL_MANAGER_TRUST, null);
            }
          }
        }
      }
    }
    return out.list();
  }

  /**
   * True when the EMServices of the two clusters talk through the remote node: the local cluster's
   * remote cluster entry names it (local visiting, remote home), or it runs the remote cluster's EM
   * service (remote visiting, local home).
   */
  static boolean talksThrough(Cluster local, Cluster remote, Node node) {
    boolean named = local.remoteClusters().stream().anyMatch(r -> node.isNamed(r.fullyQualifiedName()));
    boolean emService = remote.extensionMobilityServices().stream()
        .anyMatch(s -> s.host().map(node::isNamed).orElse(false));
    return named || emService;
  }

  /** A node with a Tomcat and a Tomcat-ECDSA certificate is trusted through either. */
  private static boolean trustsAnotherTomcatOf(Set<String> tomcat, Node node, Certificate missing) {
    return node.certificates().stream().anyMatch(c -> c != missing && c.sha256() != null
        && (c.type() == CertificateType.TOMCAT || c.type() == CertificateType.TOMCAT_ECDSA)
        && tomcat.contains(c.sha256()));
  }

  private static void missing(Findings out, Cluster local, int a, Cluster remote, Node node, Certificate cert,
      Field store, Integer code) {
    out.error(MISSING, local.clusterId(), Paths.of(a, "trustStores." + store.key()), code,
        Fix.at(store, null), local.clusterId(), store,
        cert.type().json(), node.name(), remote.clusterId());
  }
}
