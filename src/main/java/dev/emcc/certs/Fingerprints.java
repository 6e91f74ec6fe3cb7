package dev.emcc.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Fingerprints as the project writes them. */
public final class Fingerprints {
  private Fingerprints() {}

  /** Uppercase hex of the SHA-256 of {@code der}: the form of {@code Certificate.sha256}. */
  public static String sha256Hex(byte[] der) {
    return HexFormat.of().withUpperCase().formatHex(sha256(der));
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
