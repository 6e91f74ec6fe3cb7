package dev.emcc.ui.certs;

import dev.emcc.certs.CertificateCodec;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.NodeKeyStore;
import dev.emcc.certs.ProgressListener;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Certificates window shows and does, without a screen: each node's certificates and
 * their state, the trust stores with the owner of each fingerprint, the remote certificates
 * missing from them, certificates generated (keys into the console's key store) or read from a
 * file. {@link CertificatesView} lays it out; the bulk jobs are {@link BulkWizardModel}'s.
 */
public final class CertificatesModel {
  /** A certificate expiring within this is marked as a warning. */
  static final Duration SOON = Duration.ofDays(30);
  /** How long a generated certificate is valid. */
  static final Duration VALIDITY = Duration.ofDays(1825);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** One certificate of one node. */
  public record CertRow(String node, Certificate cert) {}

  /** One fingerprint of a trust store, with what it is when the workspace knows it. */
  public record TrustRow(String store, String sha256, String owner) {}

  /** A remote certificate a trust store should hold but does not. */
  public record Missing(String store, String clusterId, String node, CertificateType type, String sha256) {}

  private final CertsHome home;
  private final Clock clock;

  public CertificatesModel(CertsHome home, Clock clock) {
    this.home = home;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** What a certificate type list offers: All, then each type. */
  public static List<CertificateSelection> selections() {
    List<CertificateSelection> out = new ArrayList<>();
    out.add(CertificateSelection.ALL);
    for (CertificateType t : CertificateType.values()) {
      out.add(new CertificateSelection(t));
    }
    return out;
  }

  /** Every certificate of every node of the cluster. */
  public static List<CertRow> certRows(Cluster cluster) {
    List<CertRow> rows = new ArrayList<>();
    if (cluster != null) {
      for (Node n : cluster.nodes()) {
        n.certificates().forEach(c -> rows.add(new CertRow(n.name(), c)));
      }
    }
    return rows;
  }

  static String date(Instant t) {
    return t == null ? "" : DATE.format(t);
  }

  /** "expired", "soon" (within {@link #SOON}) or "valid". */
  public static String state(Certificate c, Instant now) {
    if (c.notAfter() == null) {
      return "valid";
    }
    if (c.notAfter().isBefore(now)) {
      return "expired";
    }
    return c.notAfter().isBefore(now.plus(SOON)) ? "soon" : "valid";
  }

  static String abbreviate(String sha) {
    return sha == null || sha.length() <= 16 ? String.valueOf(sha) : sha.substring(0, 16) + "…";
  }

  /** Each fingerprint of the cluster's four trust stores with its owner when the workspace has it. */
  public static List<TrustRow> trustRows(Workspace ws, Cluster cluster) {
    List<TrustRow> out = new ArrayList<>();
    Map<String, List<String>> stores = new LinkedHashMap<>();
    stores.put("tomcatTrust", cluster.trustStores().tomcatTrust());
    stores.put("callManagerTrust", cluster.trustStores().callManagerTrust());
    stores.put("phoneSastTrust", cluster.trustStores().phoneSastTrust());
    stores.put("capfTrust", cluster.trustStores().capfTrust());
    stores.forEach((store, shas) -> shas.forEach(sha -> out.add(new TrustRow(store, sha, owner(ws, sha)))));
    return out;
  }

  /** "CLUSTER / node / type" of the certificate with that fingerprint, or "?" when none has it. */
  public static String owner(Workspace ws, String sha) {
    for (Cluster c : ws.clusters()) {
      for (Node n : c.nodes()) {
        for (Certificate cert : n.certificates()) {
          if (sha.equals(cert.sha256())) {
            return c.clusterId() + " / " + n.name() + " / " + (cert.type() == null ? "?" : cert.type().json());
          }
        }
      }
    }
    return "?";
  }

  /**
   * The other clusters' Tomcat certificates missing from tomcatTrust and their CallManager
   * certificates missing from callManagerTrust: what the rule trust.missingRemoteCert reports.
   */
  public static List<Missing> missing(Workspace ws, Cluster local) {
    List<Missing> out = new ArrayList<>();
    for (Cluster remote : ws.clusters()) {
      if (remote.clusterId().equals(local.clusterId())) {
        continue;
      }
      for (Node n : remote.nodes()) {
        for (Certificate c : n.certificates()) {
          if (c.sha256() == null || c.sha256().isBlank()) {
            continue;
          }
          if (c.type() == CertificateType.TOMCAT && !local.trustStores().tomcatTrust().contains(c.sha256())) {
            out.add(new Missing("tomcatTrust", remote.clusterId(), n.name(), c.type(), c.sha256()));
          } else if (c.type() == CertificateType.CALL_MANAGER
              && !local.trustStores().callManagerTrust().contains(c.sha256())) {
            out.add(new Missing("callManagerTrust", remote.clusterId(), n.name(), c.type(), c.sha256()));
          }
        }
      }
    }
    return out;
  }

  /**
   * Issues certificates for the cluster's nodes (one node, or all with null) and keeps their keys
   * in the console's key store before anything names them (slow: off the JavaFX thread).
   */
  public List<NodeKeyMaterial> generate(Cluster cluster, String onlyNode, CertificateSelection selection,
      ProgressListener progress) throws Exception {
    Cluster scope = onlyNode == null ? cluster
        : cluster.withNodes(cluster.nodes().stream().filter(n -> n.name().equals(onlyNode)).toList());
    List<NodeKeyMaterial> issued = new NodeCertificateIssuer().issueAll(scope, selection.types(), clock.instant(),
        VALIDITY, progress);
    NodeKeyStore keys = home.openKeys();
    issued.forEach(keys::put);
    // keys first: a workspace naming certificates whose keys were lost would be worse
    keys.save();
    keys.clearPassword();
    return issued;
  }

  /** The cluster with each issued certificate replacing that node's certificate of the same type. */
  public static Cluster withCertificates(Cluster cluster, List<NodeKeyMaterial> issued) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : cluster.nodes()) {
      List<Certificate> list = new ArrayList<>(n.certificates());
      for (NodeKeyMaterial m : issued) {
        if (m.nodeName().equals(n.name())) {
          list.removeIf(c -> c.type() == m.type());
          list.add(m.model());
        }
      }
      nodes.add(n.withCertificates(list));
    }
    return cluster.withNodes(nodes);
  }

  /** The workspace with a PEM or DER file's first certificate as the node's certificate of that type. */
  public static Workspace withCertificateFrom(Workspace ws, Path file, String clusterId, String nodeName,
      CertificateType t) throws Exception {
    List<X509Certificate> read = CertificateCodec.read(file);
    Certificate cert = CertificateCodec.toModel(read.get(0), t);
    return ws.updateCluster(clusterId, c -> c.withNodes(c.nodes().stream().map(x -> {
      if (!x.name().equals(nodeName)) {
        return x;
      }
      List<Certificate> list = new ArrayList<>(x.certificates());
      list.removeIf(old -> old.type() == t);
      list.add(cert);
      return x.withCertificates(list);
    }).toList()));
  }
}
