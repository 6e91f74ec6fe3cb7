package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.model.CertificateType;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.Test;

class PinnedTrustManagerTest {
  private static final Node NODE = new Node("cucm-pub.tokyo.example.com", "10.1.0.10", true, false, NodeServices.NONE, null);
  private static final NodeKeyMaterial KEY = new NodeCertificateIssuer()
      .issue("TOKYO", NODE, CertificateType.TOMCAT_ECDSA, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
  private static final X509Certificate[] CHAIN = {KEY.certificate()};

  @Test
  void fingerprintIsTheModelsForm() throws Exception {
    assertThat(PinnedTrustManager.fingerprint(KEY.certificate())).isEqualTo(KEY.model().sha256());
  }

  @Test
  void aTrustStoreIsReadAtEachHandshake() throws Exception {
    Set<String> store = new CopyOnWriteArraySet<>();
    PinnedTrustManager trust = PinnedTrustManager.trusting(() -> store, "the tomcat-trust");
    assertThatThrownBy(() -> trust.checkClientTrusted(CHAIN, "EC"))
        .isInstanceOf(PinnedTrustManager.Untrusted.class)
        .hasMessageContaining(KEY.model().sha256()).hasMessageContaining("is not in the tomcat-trust");
    assertThat(trust.mismatch()).isEqualTo(KEY.model().sha256());

    store.add(KEY.model().sha256());
    trust.checkClientTrusted(CHAIN, "EC");
    trust.checkServerTrusted(CHAIN, "EC");
  }

  @Test
  void aServerPinTrustsOnlyThatServerAndNoClient() throws Exception {
    PinnedTrustManager trust = PinnedTrustManager.server(KEY.model().sha256());
    trust.checkServerTrusted(CHAIN, "EC");
    assertThat(trust.mismatch()).isNull();
    assertThatThrownBy(() -> trust.checkClientTrusted(CHAIN, "EC")).isInstanceOf(CertificateException.class)
        .isNotInstanceOf(PinnedTrustManager.Untrusted.class);

    PinnedTrustManager other = PinnedTrustManager.server("00".repeat(32));
    assertThatThrownBy(() -> other.checkServerTrusted(CHAIN, "EC")).isInstanceOf(PinnedTrustManager.Untrusted.class);
    assertThat(other.mismatch()).isEqualTo(KEY.model().sha256());
    assertThatThrownBy(() -> other.checkServerTrusted(new X509Certificate[0], "EC"))
        .isInstanceOf(PinnedTrustManager.Untrusted.class).hasMessageContaining("no certificate");
  }
}
