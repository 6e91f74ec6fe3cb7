package dev.emcc.certs;

import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk Certificate Management as plain jobs over one {@link SftpSession}: Export (a cluster's
 * certificates into {@code <clusterId>.export.p12}), Consolidate (every export into
 * {@code consolidated.p12}) and Import (the consolidated file into a cluster's trust stores).
 * Each reports its steps to a {@link ProgressListener}; none touches a store or a screen: the
 * caller saves the cluster it gets back.
 *
 * <p>The PKCS12 password is the caller's: every cluster must open every other cluster's export, so
 * it is one secret shared by the clusters (the CLI asks for it, see {@code CertsCommand}).
 */
public final class BulkCertificateJobs {
  private final Clock clock;

  public BulkCertificateJobs(Clock clock) {
    this.clock = clock;
  }

  /** A certificate left out of an export because the workspace holds only its fingerprint. */
  public record Skipped(BundleAlias alias) {
    public String text(java.util.Locale locale) {
      return CertsMessages.text(locale, "progress.skipped", alias.text());
    }
  }

  public record ExportResult(Cluster cluster, String file, int certificates, List<Skipped> skipped) {
    public ExportResult {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * {@code reports}: per export file, what it gave and what it left and why; {@code replaced}:
   * entries a later file named again with another certificate.
   */
  public record ConsolidateResult(String file, List<String> sources, List<String> clusters, int certificates,
      List<BundleFileReport> reports, List<Replaced> replaced) {
    public ConsolidateResult {
      sources = List.copyOf(sources);
      clusters = List.copyOf(clusters);
      reports = List.copyOf(reports);
      replaced = List.copyOf(replaced);
    }

    /** Per file what was taken and left, then the replacements: what the CLI prints, the console lists. */
    public List<String> lines(java.util.Locale locale, boolean everyEntry) {
      List<String> out = new ArrayList<>();
      reports.forEach(r -> out.addAll(r.lines(locale, everyEntry)));
      replaced.forEach(r -> out.add(r.text(locale)));
      return out;
    }
  }

  /** An entry of {@code earlierFile} that {@code laterFile} named again with another certificate: the later one is kept. */
  public record Replaced(BundleAlias alias, String earlierFile, String laterFile) {
    public String text(java.util.Locale locale) {
      return CertsMessages.text(locale, "report.replaced", alias.text(), earlierFile, laterFile);
    }
  }

  /**
   * {@code staleExports}: exports newer than the consolidated file (consolidate again to include
   * them).
   */
  public record ImportResult(Cluster cluster, TrustImport.Result trust, Instant consolidatedAt,
      List<String> staleExports, BundleFileReport report) {
    public ImportResult {
      staleExports = List.copyOf(staleExports);
    }
  }

  /**
   * Writes the cluster's certificates (all types or one) into its export file and returns the
   * cluster with the export recorded ({@link Cluster#certificateExport()}).
   */
  public ExportResult export(Cluster cluster, CertificateSelection selection, char[] bundlePassword,
      SftpSession session, ProgressListener listener) throws CertificateTransferException, CertificateInputException {
    List<Candidate> candidates = new ArrayList<>();
    for (Node node : cluster.nodes()) {
      for (Certificate c : node.certificates()) {
        if (selection.includes(c.type())) {
          candidates.add(new Candidate(new BundleAlias(cluster.clusterId(), node.name(), c.type()), c));
        }
      }
    }
    int total = candidates.size() + 1;
    CertificateBundle bundle = new CertificateBundle();
    List<Skipped> skipped = new ArrayList<>();
    int step = 0;
    for (Candidate cand : candidates) {
      step++;
      if (cand.cert().pem() == null || cand.cert().pem().isBlank()) {
        skipped.add(new Skipped(cand.alias()));
        listener.onProgress(Progress.of(step, total, "progress.skipped", cand.alias().text()));
        continue;
      }
      X509Certificate x509 = CertificateCodec.fromModel(cand.cert(), cand.alias().text());
      bundle.add(new CertificateBundle.Entry(cand.alias(), x509));
      listener.onProgress(Progress.of(step, total, "progress.collected", cand.alias().text()));
    }
    if (bundle.entries().isEmpty()) {
      throw new CertificateInputException(cluster.clusterId(),
          "no certificate to export (" + selection.text() + "): generate or import node certificates first");
    }
    String file = BulkFiles.exportFile(cluster.clusterId());
    Instant at = clock.instant();
    session.upload(file, new ByteArrayInputStream(bundle.toPkcs12(bundlePassword)));
    listener.onProgress(Progress.of(total, total, "progress.uploaded", file, session.target().toString()));
    Cluster updated = cluster.withCertificateExport(new CertificateExport(at, file, bundle.fingerprints()));
    return new ExportResult(updated, file, bundle.entries().size(), skipped);
  }

  private record Candidate(BundleAlias alias, Certificate cert) {}

  /** Merges every export of the directory into the consolidated file; needs two clusters or more. */
  public ConsolidateResult consolidate(char[] bundlePassword, SftpSession session, ProgressListener listener)
      throws CertificateTransferException {
    List<SftpSession.RemoteEntry> exports = session.list(BulkFiles.EXPORT_SUFFIX);
    if (exports.size() < 2) {
      throw new CertificateTransferException(Reason.TOO_FEW_EXPORTS, null, exports.size(),
          session.target().toString());
    }
    int total = exports.size() + 1;
    CertificateBundle merged = new CertificateBundle();
    List<String> sources = new ArrayList<>();
    List<BundleFileReport> reports = new ArrayList<>();
    List<Replaced> replaced = new ArrayList<>();
    java.util.Map<String, String> fileOf = new java.util.HashMap<>();
    int step = 0;
    for (SftpSession.RemoteEntry e : exports) {
      byte[] data = session.read(e.name());
      CertificateBundle read = CertificateBundle.fromPkcs12(data, bundlePassword, e.name());
      for (CertificateBundle.Entry entry : read.entries()) {
        String key = entry.alias().text().toLowerCase(java.util.Locale.ROOT);
        merged.get(entry.alias()).filter(before -> !before.sha256().equals(entry.sha256()))
            .ifPresent(before -> replaced.add(new Replaced(entry.alias(), fileOf.get(key), e.name())));
        merged.add(entry);
        fileOf.put(key, e.name());
      }
      reports.add(read.report());
      sources.add(e.name());
      listener.onProgress(Progress.of(++step, total, "progress.read", e.name()));
    }
    if (merged.clusters().size() < 2) {
      throw new CertificateTransferException(Reason.TOO_FEW_EXPORTS, null, merged.clusters().size(),
          session.target().toString());
    }
    session.upload(BulkFiles.CONSOLIDATED, new ByteArrayInputStream(merged.toPkcs12(bundlePassword)));
    listener.onProgress(Progress.of(total, total, "progress.uploaded", BulkFiles.CONSOLIDATED,
        session.target().toString()));
    return new ConsolidateResult(BulkFiles.CONSOLIDATED, sources, List.copyOf(merged.clusters()),
        merged.entries().size(), reports, replaced);
  }

  /** Reads the consolidated file and returns the cluster with its new trust stores. */
  public ImportResult importInto(Cluster cluster, char[] bundlePassword, SftpSession session,
      ProgressListener listener) throws CertificateTransferException {
    List<SftpSession.RemoteEntry> files = session.list(".p12");
    SftpSession.RemoteEntry consolidated = files.stream()
        .filter(f -> f.name().equals(BulkFiles.CONSOLIDATED)).findFirst()
        .orElseThrow(() -> new CertificateTransferException(Reason.NOT_CONSOLIDATED, null,
            session.target().toString()));
    List<String> stale = files.stream()
        .filter(f -> f.name().endsWith(BulkFiles.EXPORT_SUFFIX))
        .filter(f -> f.modified().isAfter(consolidated.modified()))
        .map(SftpSession.RemoteEntry::name).toList();
    listener.onProgress(Progress.of(0, 2, "progress.reading", BulkFiles.CONSOLIDATED));
    CertificateBundle bundle = CertificateBundle.fromPkcs12(session.read(BulkFiles.CONSOLIDATED),
        bundlePassword, BulkFiles.CONSOLIDATED);
    listener.onProgress(Progress.of(1, 2, "progress.read", BulkFiles.CONSOLIDATED));
    TrustImport.Result trust = TrustImport.compute(cluster, bundle);
    listener.onProgress(Progress.of(2, 2, "progress.imported", trust.added().size(), cluster.clusterId()));
    return new ImportResult(trust.applyTo(cluster), trust, consolidated.modified(), stale, bundle.report());
  }
}
