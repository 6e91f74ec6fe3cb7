package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, consolidate and import for two clusters over a real SFTP server on 127.0.0.1. */
class BulkEndToEndTest {
  @TempDir Path temp;

  @Test
  void twoClustersTrustEachOtherAfterExportConsolidateImport() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 2);
    Cluster osaka = TestClusters.cluster("OSAKA", 2);
    BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.fixed(TestClusters.NOW, ZoneOffset.UTC));
    List<Progress> steps = new ArrayList<>();
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      BulkCertificateJobs.ExportResult t;
      BulkCertificateJobs.ExportResult o;
      try (SftpSession s = sftp.open()) {
        t = jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, steps::add);
        o = jobs.export(osaka, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, steps::add);
      }
      assertThat(sftp.exports.resolve("TOKYO.export.p12")).exists();
      assertThat(sftp.exports.resolve("OSAKA.export.p12")).exists();
      assertThat(t.certificates()).isEqualTo(16);
      assertThat(t.cluster().certificateExport().exportedAt()).isEqualTo(TestClusters.NOW);
      assertThat(t.cluster().certificateExport().file()).isEqualTo("TOKYO.export.p12");
      assertThat(t.cluster().certificateExport().fingerprints())
          .containsAll(TestClusters.fingerprints(tokyo, CertificateType.TOMCAT)).hasSize(16);

      BulkCertificateJobs.ConsolidateResult merged;
      try (SftpSession s = sftp.open()) {
        merged = jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, steps::add);
      }
      assertThat(merged.clusters()).containsExactly("OSAKA", "TOKYO");
      assertThat(merged.certificates()).isEqualTo(32);
      assertThat(sftp.exports.resolve("consolidated.p12")).exists();

      BulkCertificateJobs.ImportResult ti;
      BulkCertificateJobs.ImportResult oi;
      try (SftpSession s = sftp.open()) {
        ti = jobs.importInto(t.cluster(), SftpFixture.BUNDLE_PASSWORD, s, steps::add);
        oi = jobs.importInto(o.cluster(), SftpFixture.BUNDLE_PASSWORD, s, steps::add);
      }
      Cluster tokyoAfter = ti.cluster();
      Cluster osakaAfter = oi.cluster();
      assertThat(tokyoAfter.trustStores().tomcatTrust())
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.TOMCAT))
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.TOMCAT_ECDSA))
          .doesNotContainAnyElementsOf(TestClusters.fingerprints(tokyo, CertificateType.TOMCAT));
      assertThat(tokyoAfter.trustStores().callManagerTrust())
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.CALL_MANAGER))
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.CAPF))
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.ITL_RECOVERY))
          .doesNotContainAnyElementsOf(TestClusters.fingerprints(tokyo, CertificateType.CALL_MANAGER));
      assertThat(tokyoAfter.trustStores().phoneSastTrust())
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.CALL_MANAGER))
          .containsAll(TestClusters.fingerprints(osaka, CertificateType.ITL_RECOVERY));
      assertThat(osakaAfter.trustStores().tomcatTrust())
          .containsAll(TestClusters.fingerprints(tokyo, CertificateType.TOMCAT));
      assertThat(osakaAfter.trustStores().callManagerTrust())
          .containsAll(TestClusters.fingerprints(tokyo, CertificateType.CALL_MANAGER));
      assertThat(osakaAfter.trustStores().capfTrust()).isEmpty();
      assertThat(ti.trust().ownSkipped()).hasSize(16);
      assertThat(ti.staleExports()).isEmpty();
      // the publisher runs TFTP: every phone restarts for the CallManager certificates
      assertThat(ti.trust().restarts()).extracting(TrustImport.PhoneRestart::phone)
          .containsExactlyInAnyOrder("SEPTOKYO01", "SEPTOKYO02");
    }
    assertThat(steps).isNotEmpty().allSatisfy(p -> assertThat(p.done()).isBetween(0, p.total()));
    // sshj registers BouncyCastle; it must not have become the first provider
    assertThat(java.security.Security.getProviders()[0].getName()).isEqualTo("SUN");
    assertThat(java.security.KeyStore.getInstance("PKCS12").getProvider().getName()).isEqualTo("SUN");
  }

  @Test
  void importWarnsAboutExportsNewerThanTheConsolidatedFile() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, java.util.EnumSet.of(CertificateType.TOMCAT));
    Cluster osaka = TestClusters.cluster("OSAKA", 1, java.util.EnumSet.of(CertificateType.TOMCAT));
    BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      jobs.export(osaka, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      assertThat(jobs.importInto(tokyo, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE).staleExports()).isEmpty();
      Path osakaFile = sftp.exports.resolve("OSAKA.export.p12");
      Files.setLastModifiedTime(osakaFile, java.nio.file.attribute.FileTime.from(
          Files.getLastModifiedTime(sftp.exports.resolve("consolidated.p12")).toInstant().plusSeconds(3600)));
      assertThat(jobs.importInto(tokyo, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE).staleExports())
          .containsExactly("OSAKA.export.p12");
    }
  }

  @Test
  void certificatesWithoutPemAreSkippedAndListed() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, java.util.EnumSet.of(CertificateType.TOMCAT));
    dev.emcc.model.Node node = tokyo.nodes().get(0);
    List<dev.emcc.model.Certificate> certs = new ArrayList<>(node.certificates());
    certs.add(new dev.emcc.model.Certificate(CertificateType.CAPF, "CN=capf", "ABCD", null, null, null));
    Cluster mixed = tokyo.withNodes(List.of(node.withCertificates(certs)));
    BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      BulkCertificateJobs.ExportResult r = jobs.export(mixed, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD,
          s, ProgressListener.NONE);
      assertThat(r.certificates()).isEqualTo(1);
      assertThat(r.skipped()).singleElement().satisfies(k -> {
        assertThat(k.alias().type()).isEqualTo(CertificateType.CAPF);
        assertThat(k.text(java.util.Locale.ROOT)).endsWith("the workspace holds only its fingerprint");
        assertThat(k.text(java.util.Locale.JAPANESE)).contains("フィンガープリントしかありません");
      });
      assertThat(r.cluster().certificateExport().fingerprints()).doesNotContain("ABCD");
    }
  }

  @Test
  void exportIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1);
    BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      jobs.export(tokyo, new CertificateSelection(CertificateType.TOMCAT), SftpFixture.BUNDLE_PASSWORD, s,
          ProgressListener.NONE);
      try (var files = Files.list(sftp.exports)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("TOKYO.export.p12");
      }
      CertificateBundle b = CertificateBundle.fromPkcs12(Files.readAllBytes(sftp.exports.resolve("TOKYO.export.p12")),
          SftpFixture.BUNDLE_PASSWORD, "x");
      assertThat(b.entries()).singleElement().satisfies(e -> assertThat(e.alias().type()).isEqualTo(CertificateType.TOMCAT));
    }
  }
}
