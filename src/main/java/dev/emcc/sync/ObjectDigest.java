package dev.emcc.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The first 128 bits of the SHA-256 of an object's canonical compact JSON: two objects are
 * treated as equal when their digests are. The node and the console serialise canonical trees the
 * same way, so a digest taken on either side compares with one taken on the other.
 */
public record ObjectDigest(long hi, long lo) {
  private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  public static ObjectDigest of(JsonNode value) {
    return value == null ? null : of(compact(value));
  }

  public static ObjectDigest of(byte[] compactJson) {
    try {
      ByteBuffer b = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(compactJson));
      return new ObjectDigest(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }

  /** The 16 bytes (for storage). */
  public byte[] bytes() {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  public static ObjectDigest fromBytes(byte[] b) {
    if (b == null) {
      return null;
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new ObjectDigest(buf.getLong(), buf.getLong());
  }

  static byte[] compact(JsonNode value) {
    try {
      return COMPACT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an object", e);
    }
  }
}
