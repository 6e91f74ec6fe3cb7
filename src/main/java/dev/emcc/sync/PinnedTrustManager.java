package dev.emcc.sync;

import dev.emcc.node.NodeIdentity;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint was pinned when the
 * node was registered. The pin is the node's identity, so no CA and no host name check take part
 * (an X509ExtendedTrustManager is not wrapped by the JDK with its own hostname check).
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
  private final String pinned;
  private volatile String presented;

  PinnedTrustManager(String fingerprint) {
    this.pinned = NodeIdentity.normalizeFingerprint(fingerprint);
  }

  /** The fingerprint the server presented when it did not match the pin, else null. */
  String mismatch() {
    return presented;
  }

  String pinned() {
    return pinned;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the node presented no certificate");
    }
    String actual = NodeIdentity.fingerprint(chain[0]);
    if (!actual.equals(pinned)) {
      presented = actual;
      throw new CertificateException("the node's certificate has SHA-256 " + actual + ", but " + pinned
          + " is pinned");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("a console does not accept client connections");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    throw new CertificateException("a console does not accept client connections");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a console does not accept client connections");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
