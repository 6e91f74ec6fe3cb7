package dev.emcc.model;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 PIN hashes, written as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (salt and hash in base64). The iteration count travels with the hash, so generated test data
 * can use a cheaper count and still verify through the same code.
 */
public final class PinHash {
  public static final String PREFIX = "pbkdf2-sha256";
  public static final int DEFAULT_ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PinHash() {}

  public static String hash(String pin) {
    return hash(pin, DEFAULT_ITERATIONS);
  }

  public static String hash(String pin, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return hash(pin, iterations, salt);
  }

  /**
   * A hash with a given salt (at least 8 bytes). Only for data that must come out the same on
   * every run (the demo, seeded generated workspaces); everything else takes a random salt.
   */
  public static String hash(String pin, int iterations, byte[] salt) {
    if (salt.length < 8) {
      throw new IllegalArgumentException("salt must have at least 8 bytes");
    }
    byte[] dk = derive(pin, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
  }

  public static boolean verify(String pin, String stored) {
    if (!isWellFormed(stored)) {
      return false;
    }
    String[] parts = stored.split("\\$");
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(pin, salt, iterations));
  }

  public static boolean isWellFormed(String stored) {
    if (stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      return iterations >= 1000 && Base64.getDecoder().decode(parts[2]).length >= 8
          && Base64.getDecoder().decode(parts[3]).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String pin, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
    }
  }

}
