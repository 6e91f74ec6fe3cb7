package dev.emcc.model;

import java.time.Instant;

/**
 * A certificate held by a node. {@code sha256} is the hex fingerprint of the DER encoding;
 * {@code pem} (optional) carries the certificate itself so trust can be exercised for real.
 */
public record Certificate(
    CertificateType type,
    String subject,
    String sha256,
    Instant notBefore,
    Instant notAfter,
    String pem) {

  public Certificate {
    sha256 = sha256 == null ? null : sha256.replace(":", "").toUpperCase(java.util.Locale.ROOT);
  }
}
