package dev.emcc.certs;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer exactly when the SHA-256 fingerprint of its certificate is pinned. Neither names
 * nor dates are checked: the pin is the identity (a cluster's tomcat-trust is a list of pinned
 * certificates; a console pins the fingerprint registered for a node). Being an
 * X509ExtendedTrustManager, it is not wrapped by the JDK with a host name check of its own.
 * Fingerprints are upper-case hex without colons, as {@link Fingerprints#sha256Hex} writes them.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
  /** The peer's certificate is not pinned: thrown by this trust manager, so callers can tell it apart. */
  public static final class Untrusted extends CertificateException {
    Untrusted(String message) {
      super(message);
    }
  }

  private final Supplier<? extends Collection<String>> pins;
  private final String pinsName;
  private final boolean acceptsClients;
  private volatile String presented;

  private PinnedTrustManager(Supplier<? extends Collection<String>> pins, String pinsName, boolean acceptsClients) {
    this.pins = pins;
    this.pinsName = pinsName;
    this.acceptsClients = acceptsClients;
  }

  /**
   * Trusts clients and servers whose fingerprint is among {@code fingerprints}, read at each
   * handshake (a trust store may change between connections); {@code pinsName} names that list
   * in the refusal ("the tomcat-trust").
   */
  public static PinnedTrustManager trusting(Supplier<? extends Collection<String>> fingerprints, String pinsName) {
    return new PinnedTrustManager(fingerprints, pinsName, true);
  }

  /** Trusts exactly the server certificate with {@code fingerprint}; refuses every client. */
  public static PinnedTrustManager server(String fingerprint) {
    Set<String> pin = Set.of(fingerprint);
    return new PinnedTrustManager(() -> pin, "the pins (" + fingerprint + ")", false);
  }

  /** The fingerprint of the last certificate refused, else null. */
  public String mismatch() {
    return presented;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new Untrusted("the peer presented no certificate");
    }
    String actual = fingerprint(chain[0]);
    if (!pins.get().contains(actual)) {
      presented = actual;
      throw new Untrusted("certificate " + chain[0].getSubjectX500Principal().getName() + " (SHA-256 " + actual
          + ") is not in " + pinsName);
    }
  }

  private void checkClient(X509Certificate[] chain) throws CertificateException {
    if (!acceptsClients) {
      throw new CertificateException("this side does not accept client connections");
    }
    check(chain);
  }

  /** The SHA-256 fingerprint of {@code cert} as pins are written. */
  public static String fingerprint(X509Certificate cert) throws CertificateEncodingException {
    return Fingerprints.sha256Hex(cert.getEncoded());
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClient(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    check(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
