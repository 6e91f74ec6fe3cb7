package dev.emcc.ui.sync;

import dev.emcc.certs.Fingerprints;
import dev.emcc.sync.NodeRef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust on first use: connects to a node only to read the certificate it presents and returns its
 * SHA-256 fingerprint for the user to confirm. Nothing is sent over this connection (no token):
 * only after the user confirmed the fingerprint is it pinned and the token used.
 */
final class FirstContact {
  private FirstContact() {}

  static String fingerprint(String url) throws IOException {
    URI u = URI.create(NodeRef.normalizeUrl(url));
    int port = u.getPort() < 0 ? 443 : u.getPort();
    AtomicReference<X509Certificate> seen = new AtomicReference<>();
    X509TrustManager recorder = new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType)
          throws java.security.cert.CertificateException {
        // used only as a client: no peer ever asks it to vouch for a client
        throw new java.security.cert.CertificateException("the fingerprint recorder verifies no clients");
      }

      @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {
        if (chain != null && chain.length > 0) {
          seen.set(chain[0]);
        }
      }

      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {recorder}, new SecureRandom());
      try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
        s.connect(new InetSocketAddress(u.getHost(), port), 10_000);
        s.setSoTimeout(10_000);
        s.startHandshake();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this Java runtime", e);
    }
    if (seen.get() == null) {
      throw new IOException(url + " presented no certificate");
    }
    return Fingerprints.pinned(seen.get());
  }
}
