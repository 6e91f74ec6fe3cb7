package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Fix;
import dev.emcc.rules.RuleContext;
import dev.emcc.rules.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateRuleTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final RuleContext context = new RuleContext(DeviceModels.builtIn(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static Certificate cert(CertificateType type, String sha, Instant notBefore, Instant notAfter) {
    return new Certificate(type, "CN=x", sha, notBefore, notAfter, null);
  }

  private static Workspace ws(CertificateExport export, Certificate... certs) {
    Node node = new Node("pub", "10.1.0.10", true, false, null, List.of(certs));
    return Workspace.of(List.of(Cluster.empty("TOKYO", "14.0").withNodes(List.of(node)).withCertificateExport(export)));
  }

  @Test
  void expiringWithinThirtyDaysIsAWarningAndExpiredIsLeftToTheTrustRule() {
    Workspace ws = ws(null,
        cert(CertificateType.TOMCAT, "01", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofSeconds(1))),
        cert(CertificateType.CALL_MANAGER, "02", NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(30))),
        cert(CertificateType.CAPF, "03", NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(31))),
        cert(CertificateType.TVS, "04", NOW.minus(Duration.ofDays(400)), NOW));
    List<Diagnostic> d = new CertificateRule().check(ws, context);
    assertThat(d).extracting(Diagnostic::path).containsExactly(
        "$.clusters[0].nodes[0].certificates[1].notAfter", "$.clusters[0].nodes[0].certificates[3].notAfter");
    assertThat(d.get(0)).satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.rule()).isEqualTo(CertificateRule.EXPIRING);
      assertThat(x.message()).isEqualTo("The callManager certificate of pub expires on 2026-07-01 (within 30 days).");
      assertThat(x.messageJa()).isEqualTo("pub の callManager 証明書は 2026-07-01 に期限切れになります (30 日以内)。");
      assertThat(x.predictedError()).isNull();
      assertThat(x.fix()).isEqualTo(new Fix("certificates", "pub", "notAfter"));
    });
  }

  @Test
  void anExportOlderThanARegeneratedCertificateIsStale() {
    Instant exported = NOW.minus(Duration.ofDays(10));
    Instant far = NOW.plus(Duration.ofDays(900));
    CertificateExport export = new CertificateExport(exported, "TOKYO.export.p12", List.of("0A", "0B", "0C"));
    Workspace ws = ws(export,
        cert(CertificateType.TOMCAT, "0A", exported.minus(Duration.ofDays(1)), far),          // exported: fine
        cert(CertificateType.TFTP, "1B", exported.plus(Duration.ofDays(2)), far),             // regenerated since
        cert(CertificateType.CAPF, "1C", null, far),                                          // not in the export
        cert(CertificateType.CALL_MANAGER, "1D", exported.plus(Duration.ofDays(2)), far),     // not export-sensitive
        cert(CertificateType.TOMCAT_ECDSA, "0B", exported.plus(Duration.ofDays(1)), far));    // newer than export
    List<Diagnostic> d = new CertificateRule().check(ws, context);
    assertThat(d).extracting(Diagnostic::rule).containsOnly(CertificateRule.STALE_EXPORT);
    assertThat(d).extracting(Diagnostic::message).containsExactly(
        "The certificate export of TOKYO (2026-05-22T00:00:00Z) does not hold the current tftp certificate of pub: export again, then consolidate and import.",
        "The certificate export of TOKYO (2026-05-22T00:00:00Z) does not hold the current capf certificate of pub: export again, then consolidate and import.",
        "The certificate export of TOKYO (2026-05-22T00:00:00Z) does not hold the current tomcatEcdsa certificate of pub: export again, then consolidate and import.");
    assertThat(d).extracting(Diagnostic::path).containsOnly("$.clusters[0].certificateExport.exportedAt");
    // the trust stores decide a login (trust.missingRemoteCert), not the export: no code here
    assertThat(d).extracting(Diagnostic::predictedError).containsExactly(null, null, null);
    assertThat(d.get(0).messageJa()).contains("再度エクスポート");
  }

  @Test
  void noExportNoStaleness() {
    Workspace ws = ws(null, cert(CertificateType.TOMCAT, "0A", NOW, NOW.plus(Duration.ofDays(900))));
    assertThat(new CertificateRule().check(ws, context)).isEmpty();
  }
}
