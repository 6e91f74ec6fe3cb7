package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCertificateIssuerTest {
  @TempDir Path temp;
  private static final Node NODE = new Node("cucm-pub.tokyo.example.com", "10.1.0.10", true, false, NodeServices.NONE, null);
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private final NodeCertificateIssuer issuer = new NodeCertificateIssuer();

  @Test
  void rsaForTheClassicTypesAndP256ForEcdsa() throws Exception {
    for (CertificateType type : CertificateType.values()) {
      NodeKeyMaterial m = issuer.issue("TOKYO", NODE, type, FROM, Duration.ofDays(365));
      X509Certificate cert = m.certificate();
      cert.verify(cert.getPublicKey());
      if (NodeCertificateIssuer.isEcdsa(type)) {
        assertThat(cert.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
      } else {
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
      }
      assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
    }
  }

  @Test
  void theModelCarriesFingerprintValiditySubjectAndSans() throws Exception {
    NodeKeyMaterial m = issuer.issue("TOKYO", NODE, CertificateType.TOMCAT, FROM, Duration.ofDays(730));
    Certificate c = m.model();
    String expected = HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(m.certificate().getEncoded()));
    assertThat(c.sha256()).isEqualTo(expected).matches("[0-9A-F]{64}");
    assertThat(c.type()).isEqualTo(CertificateType.TOMCAT);
    assertThat(c.notBefore()).isEqualTo(FROM);
    assertThat(c.notAfter()).isEqualTo(FROM.plus(Duration.ofDays(730)));
    assertThat(c.subject()).isEqualTo("CN=cucm-pub.tokyo.example.com,OU=tomcat,O=TOKYO");
    assertThat(c.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").doesNotContain("PRIVATE");
    assertThat(m.certificate().getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList())
        .containsExactly((Object) "cucm-pub.tokyo.example.com", "10.1.0.10");
    assertThat(m.toString()).doesNotContain("PRIVATE").isEqualTo("NodeKeyMaterial[TOKYO/cucm-pub.tokyo.example.com/tomcat]");
  }

  @Test
  void aNonPositiveValidityIsRefused() {
    assertThatThrownBy(() -> issuer.issue("TOKYO", NODE, CertificateType.TOMCAT, FROM, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validity must be positive");
  }

  @Test
  void pemAndDerFilesReadBackToTheSameFingerprint() throws Exception {
    NodeKeyMaterial m = issuer.issue("TOKYO", NODE, CertificateType.CALL_MANAGER, FROM, Duration.ofDays(10));
    Path pem = Files.writeString(temp.resolve("cm.pem"), m.model().pem());
    Path der = Files.write(temp.resolve("cm.der"), m.certificate().getEncoded());
    assertThat(CertificateCodec.read(pem)).singleElement()
        .satisfies(x -> assertThat(CertificateCodec.toModel(x, CertificateType.CALL_MANAGER).sha256()).isEqualTo(m.model().sha256()));
    assertThat(CertificateCodec.read(der)).singleElement().isEqualTo(m.certificate());
    NodeKeyMaterial other = issuer.issue("TOKYO", NODE, CertificateType.TVS, FROM, Duration.ofDays(10));
    Path chain = Files.writeString(temp.resolve("two.pem"), "junk before\n" + m.model().pem() + other.model().pem());
    assertThat(CertificateCodec.read(chain)).hasSize(2);
  }

  @Test
  void badCertificateFilesSayWhatIsWrong() throws Exception {
    Path text = Files.writeString(temp.resolve("a.txt"), "hello");
    assertThatThrownBy(() -> CertificateCodec.read(text)).isInstanceOf(CertificateInputException.class)
        .hasMessage(text + ": neither a PEM certificate nor a DER certificate");
    Path cut = Files.writeString(temp.resolve("cut.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
    assertThatThrownBy(() -> CertificateCodec.read(cut)).hasMessageContaining("PEM block 1 has no -----END CERTIFICATE----- line");
    Path bad64 = Files.writeString(temp.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> CertificateCodec.read(bad64)).hasMessageContaining("PEM block 1 is not valid base64");
    Path notCert = Files.write(temp.resolve("x.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    assertThatThrownBy(() -> CertificateCodec.read(notCert)).hasMessageContaining("not an X.509 certificate");
    Certificate noPem = new Certificate(CertificateType.TOMCAT, "CN=x", "AB", null, null, null);
    assertThatThrownBy(() -> CertificateCodec.fromModel(noPem, "TOKYO/x/tomcat"))
        .hasMessage("TOKYO/x/tomcat: the certificate has no PEM, only its fingerprint");
  }

  @Test
  void privateKeysGoToTheirOwnPasswordProtectedStore() throws Exception {
    Path file = temp.resolve("keys.p12");
    NodeKeyStore store = NodeKeyStore.open(file, "s3cret".toCharArray());
    List<NodeKeyMaterial> issued = List.of(
        issuer.issue("TOKYO", NODE, CertificateType.TOMCAT, FROM, Duration.ofDays(10)),
        issuer.issue("TOKYO", NODE, CertificateType.TOMCAT_ECDSA, FROM, Duration.ofDays(10)));
    issued.forEach(store::put);
    store.save();
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("BEGIN");

    NodeKeyStore again = NodeKeyStore.open(file, "s3cret".toCharArray());
    assertThat(again.size()).isEqualTo(2);
    NodeKeyMaterial back = again.get("TOKYO", NODE.name(), CertificateType.TOMCAT_ECDSA).orElseThrow();
    assertThat(back.privateKey().getEncoded()).isEqualTo(issued.get(1).privateKey().getEncoded());
    assertThat(back.certificate()).isEqualTo(issued.get(1).certificate());
    assertThat(again.get("TOKYO", NODE.name(), CertificateType.CAPF)).isEmpty();

    assertThatThrownBy(() -> NodeKeyStore.open(file, "wrong".toCharArray()))
        .isInstanceOf(CertificateInputException.class).hasMessage(file + ": wrong key store password");
    Path junk = Files.writeString(temp.resolve("junk.p12"), "not a key store");
    assertThatThrownBy(() -> NodeKeyStore.open(junk, "x".toCharArray()))
        .isInstanceOf(CertificateInputException.class).hasMessage(junk + ": not a PKCS12 key store");
  }
}
