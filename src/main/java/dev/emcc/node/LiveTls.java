package dev.emcc.node;

import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.PinnedTrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS between simulated nodes: each side presents its Tomcat certificate and trusts only its
 * tomcat-trust (a {@link PinnedTrustManager} over the cluster's fingerprints).
 */
final class LiveTls {
  private static final char[] PASSWORD = "emcc-live".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private LiveTls() {}

  /**
   * A context presenting {@code key} (none: no certificate to present) and trusting the peers
   * whose fingerprints are in {@code tomcatTrust}, read at each handshake (the trust store may
   * change between logins).
   */
  static SSLContext context(NodeKeyMaterial key, Supplier<? extends Collection<String>> tomcatTrust) {
    try {
      KeyManager[] kms = null;
      if (key != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("node", key.privateKey(), PASSWORD, new X509Certificate[] {key.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        kms = kmf.getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kms, new javax.net.ssl.TrustManager[] {PinnedTrustManager.trusting(tomcatTrust, "the tomcat-trust")},
          RANDOM);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS for a simulated node: " + e.getMessage(), e);
    }
  }
}
