package dev.emcc.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Fingerprints as the project writes them. */
public final class Fingerprints {
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

  private Fingerprints() {}

  /** Uppercase hex of the SHA-256 of {@code der}: the form of {@code Certificate.sha256}. */
  public static String sha256Hex(byte[] der) {
    return HexFormat.of().withUpperCase().formatHex(sha256(der));
  }

  /** A certificate's SHA-256 as a node's is pinned: uppercase hex pairs joined by colons (AB:CD:...). */
  public static String pinned(X509Certificate cert) {
    try {
      return COLON_HEX.formatHex(sha256(cert.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * A SHA-256 fingerprint as typed (any case, with or without colons or spaces, an optional
   * "SHA256" prefix) in the pinned form; anything but 64 hex digits is refused.
   */
  public static String normalize(String typed) {
    String hex = typed.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (hex.startsWith("SHA256")) {
      hex = hex.substring(6);
    }
    if (!hex.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits): " + typed);
    }
    return COLON_HEX.formatHex(HexFormat.of().parseHex(hex));
  }

  /** OpenSSH's form of a host key fingerprint: "SHA256:" + unpadded base64 of the wire encoding. */
  public static String sshSha256(byte[] sshWireKey) {
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(sshWireKey));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
