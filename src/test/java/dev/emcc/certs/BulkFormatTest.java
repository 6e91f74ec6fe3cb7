package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value types of the bulk exchange and the model's new certificateExport. */
class BulkFormatTest {
  @Test
  void certificateExportRoundTripsThroughTheWorkspaceDocument() throws Exception {
    Cluster c = Cluster.empty("TOKYO", "14.0").withCertificateExport(
        new CertificateExport(Instant.parse("2026-06-01T10:00:00Z"), "TOKYO.export.p12", List.of("ab:cd")));
    String json = WorkspaceFormat.toJson(Workspace.of(List.of(c)));
    assertThat(json).contains("\"certificateExport\"").contains("\"exportedAt\" : \"2026-06-01T10:00:00Z\"");
    Workspace back = WorkspaceFormat.read(json, "test");
    assertThat(back.clusters().get(0).certificateExport().fingerprints()).containsExactly("ABCD");
    assertThat(back.clusters().get(0)).isEqualTo(c.withCertificateExport(back.clusters().get(0).certificateExport()));
    // documents without the key still read, with no export recorded
    Workspace old = WorkspaceFormat.read("{\"formatVersion\":1,\"clusters\":[{\"clusterId\":\"X\",\"version\":\"14.0\"}]}", "old");
    assertThat(old.clusters().get(0).certificateExport()).isNull();
    assertThat(WorkspaceFormat.toJson(old)).doesNotContain("certificateExport");
  }

  @Test
  void sftpUrls() {
    SftpTarget t = SftpTarget.parse("sftp://admin@sftp.example.com:2222/certs/emcc");
    assertThat(t).isEqualTo(new SftpTarget("admin", "sftp.example.com", 2222, "/certs/emcc"));
    assertThat(t.path("a.p12")).isEqualTo("/certs/emcc/a.p12");
    assertThat(SftpTarget.parse("sftp://admin@h").port()).isEqualTo(22);
    assertThat(SftpTarget.parse("sftp://admin@h").directory()).isEqualTo(".");
    assertThatThrownBy(() -> SftpTarget.parse("sftp://h/x")).hasMessageContaining("needs a user");
    assertThatThrownBy(() -> SftpTarget.parse("sftp://u:pw@h/x")).hasMessageContaining("put no password in the SFTP URL");
    assertThatThrownBy(() -> SftpTarget.parse("ftp://u@h/x")).hasMessageContaining("not an SFTP URL");
  }

  @Test
  void aliasesAndSelections() {
    assertThat(BundleAlias.parse("TOKYO/cucm1/tomcatEcdsa")).contains(
        new BundleAlias("TOKYO", "cucm1", CertificateType.TOMCAT_ECDSA));
    assertThat(BundleAlias.parse("no-slashes")).isEmpty();
    assertThat(BundleAlias.parse("a/b/unknownType")).isEmpty();
    assertThat(CertificateSelection.parse("ALL").types()).hasSize(8);
    assertThat(CertificateSelection.parse("Tomcat-ECDSA").only()).isEqualTo(CertificateType.TOMCAT_ECDSA);
    assertThat(CertificateSelection.parse("itlRecovery").only()).isEqualTo(CertificateType.ITL_RECOVERY);
    assertThat(BulkFiles.exportFile("TOKYO 1/2")).isEqualTo("TOKYO_1_2.export.p12");
  }

  @Test
  void messagesExistInBothLanguages() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties ja = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/dev/emcc/certs/messages.properties");
         var b = getClass().getResourceAsStream("/dev/emcc/certs/messages_ja.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      ja.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(ja.keySet()).isEqualTo(en.keySet());
    for (CertificateTransferException.Reason r : CertificateTransferException.Reason.values()) {
      assertThat(en).containsKey("transfer." + r.name());
    }
  }
}
