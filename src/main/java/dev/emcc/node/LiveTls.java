package dev.emcc.node;

import dev.emcc.certs.NodeKeyMaterial;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** TLS between simulated nodes: each side presents its Tomcat certificate and trusts only its tomcat-trust. */
final class LiveTls {
  private static final char[] PASSWORD = "emcc-live".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private LiveTls() {}

  /** The peer's certificate is not in the trust store (thrown by our own trust manager). */
  static final class Untrusted extends CertificateException {
    Untrusted(String message) {
      super(message);
    }
  }

  /** A context presenting {@code key} (none: no certificate to present) and trusting by fingerprint. */
  static SSLContext context(NodeKeyMaterial key, X509ExtendedTrustManager trust) {
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
      ctx.init(kms, new javax.net.ssl.TrustManager[] {trust}, RANDOM);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS for a simulated node: " + e.getMessage(), e);
    }
  }

  /**
   * Trusts a peer exactly when the SHA-256 fingerprint of its certificate is among
   * {@code fingerprints} (read at each handshake: the trust store may change between logins).
   * Neither names nor dates are checked: a cluster's tomcat-trust is a list of pinned certificates.
   */
  static X509ExtendedTrustManager trusting(Supplier<Collection<String>> fingerprints) {
    return new X509ExtendedTrustManager() {
      private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
          throw new Untrusted("the peer presented no certificate");
        }
        String f = fingerprint(chain[0]);
        if (!fingerprints.get().contains(f)) {
          throw new Untrusted("certificate " + chain[0].getSubjectX500Principal().getName() + " (SHA-256 " + f
              + ") is not in the tomcat-trust");
        }
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }

  /** Upper-case hex without colons, as {@code dev.emcc.model.Certificate#sha256} keeps it. */
  static String fingerprint(X509Certificate cert) throws CertificateException {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
