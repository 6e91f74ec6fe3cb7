package dev.emcc.rules;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CertificatesFields;
import dev.emcc.schema.Limits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Certificates of the nodes: a type (field.enum), expiring within 30 days (warning), and a bulk export that no longer
 * holds a Tomcat, Tomcat-ECDSA, TFTP or CAPF certificate of the cluster (warning: the seed asks
 * for a new export whenever one of these is regenerated). Remote clusters may then trust the old
 * certificate; whether a login fails (208) is what their trust stores say
 * ({@code trust.missingRemoteCert}), so no code is predicted here. Certificates already expired are
 * {@code rules.TrustRule}'s ({@code cert.expired}); "expiring" starts where it stops: from
 * {@code notAfter == now} up to 30 days ahead.
 */
public final class CertificateRule implements Rule {
  public static final String EXPIRING = "certificate.expiring";
  public static final String STALE_EXPORT = "certificate.staleExport";
  /** How far ahead an expiry is worth a warning. */
  public static final Duration WARN_BEFORE = Duration.ofDays(30);
  /** The types whose regeneration calls for a new export (seed, Bulk Certificate Export note). */
  public static final Set<CertificateType> EXPORT_SENSITIVE =
      EnumSet.of(CertificateType.TOMCAT, CertificateType.TOMCAT_ECDSA, CertificateType.TFTP, CertificateType.CAPF);

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Instant now = context.clock().instant();
    List<Diagnostic> out = new ArrayList<>();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cluster = workspace.clusters().get(c);
      for (int n = 0; n < cluster.nodes().size(); n++) {
        Node node = cluster.nodes().get(n);
        for (int k = 0; k < node.certificates().size(); k++) {
          Certificate cert = node.certificates().get(k);
          String base = "$.clusters[" + c + "].nodes[" + n + "].certificates[" + k + "]";
          typed(cluster, node, cert, base, out);
          expiring(cluster, node, cert, base, now, out);
          stale(cluster, c, node, cert, out);
        }
      }
    }
    return List.copyOf(out);
  }

  /** A certificate without a type (one built in code: the document reader refuses a wrong one). */
  private static void typed(Cluster cluster, Node node, Certificate cert, String base, List<Diagnostic> out) {
    Limits.check(CertificatesFields.TYPE, cert.type()).ifPresent(v -> out.add(new Diagnostic(Severity.ERROR, v.rule(),
        cluster.clusterId(), base + ".type", v.text("en"), v.text("ja"), null,
        Fix.at(CertificatesFields.TYPE, node.name()))));
  }

  private static void expiring(Cluster cluster, Node node, Certificate cert, String base, Instant now,
      List<Diagnostic> out) {
    if (cert.notAfter() == null) {
      return;
    }
    // a certificate without a type is field.enum's finding; its expiry still counts
    String type = cert.type() == null ? "?" : cert.type().json();
    LocalDate day = LocalDate.ofInstant(cert.notAfter(), ZoneOffset.UTC);
    Fix fix = Fix.at(CertificatesFields.NOT_AFTER, node.name());
    if (!cert.notAfter().isBefore(now) && !now.plus(WARN_BEFORE).isBefore(cert.notAfter())) {
      long days = WARN_BEFORE.toDays();
      out.add(new Diagnostic(Severity.WARNING, EXPIRING, cluster.clusterId(), base + ".notAfter",
          Messages.en("certificate.expiring", type, node.name(), day.toString(), days),
          Messages.ja("certificate.expiring", type, node.name(), day.toString(), days), null, fix));
    }
  }

  private static void stale(Cluster cluster, int c, Node node, Certificate cert, List<Diagnostic> out) {
    CertificateExport export = cluster.certificateExport();
    if (export == null || !EXPORT_SENSITIVE.contains(cert.type())) {
      return;
    }
    boolean missing = cert.sha256() != null && !export.fingerprints().contains(cert.sha256());
    boolean newer = export.exportedAt() != null && cert.notBefore() != null
        && cert.notBefore().isAfter(export.exportedAt());
    if (!missing && !newer) {
      return;
    }
    String when = export.exportedAt() == null ? "?" : export.exportedAt().toString();
    String type = cert.type().json();
    out.add(new Diagnostic(Severity.WARNING, STALE_EXPORT, cluster.clusterId(),
        "$.clusters[" + c + "].certificateExport.exportedAt",
        Messages.en("certificate.staleExport", cluster.clusterId(), when, type, node.name()),
        Messages.ja("certificate.staleExport", cluster.clusterId(), when, type, node.name()),
        null, // the trust stores decide a login (trust.missingRemoteCert), not the export
        Fix.at(CertificatesFields.CERTIFICATE_EXPORT, null)));
  }
}
