package dev.emcc.certs;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A node certificate with its private key. The key never enters the workspace: only
 * {@link #model()} does; the key lives in a {@link NodeKeyStore}.
 */
public record NodeKeyMaterial(
    String clusterId, String nodeName, CertificateType type, PrivateKey privateKey, X509Certificate certificate) {

  /** What the workspace keeps of it: type, subject, fingerprint, validity and PEM. */
  public Certificate model() {
    return CertificateCodec.toModel(certificate, type);
  }

  public BundleAlias alias() {
    return new BundleAlias(clusterId, nodeName, type);
  }

  @Override
  public String toString() {
    // never print the key
    return "NodeKeyMaterial[" + alias() + "]";
  }
}
