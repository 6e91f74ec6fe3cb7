package dev.emcc.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An object's canonical JSON and the cluster revision at which it last changed. Held as a tree or
 * as its compact UTF-8 bytes: a node keeps the bytes (a 50,000-object cluster as trees is several
 * times its size in memory, and a full push would build every tree only to write it out again)
 * and makes the tree on first use, once.
 */
public final class StoredObject {
  private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private final long revision;
  private final byte[] compact;
  private volatile JsonNode value;

  public StoredObject(JsonNode value, long revision) {
    this.value = value;
    this.compact = null;
    this.revision = revision;
  }

  private StoredObject(byte[] compact, long revision) {
    this.value = null;
    this.compact = Objects.requireNonNull(compact, "compact");
    this.revision = revision;
  }

  /** An object given as its canonical compact JSON (as a node read it strictly, or as its store holds it). */
  public static StoredObject ofCompact(byte[] compact, long revision) {
    return new StoredObject(compact, revision);
  }

  /** The compact JSON of a tree. */
  public static byte[] compact(JsonNode value) {
    try {
      return COMPACT.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a stored object", e);
    }
  }

  /** The value as a tree (made from the bytes on first use); null for an object listed without its value. */
  public JsonNode value() {
    JsonNode v = value;
    if (v == null && compact != null) {
      try {
        v = Json.ownOutputMapper().readTree(compact);
      } catch (IOException e) {
        throw new UncheckedIOException("a stored object does not read back", e);
      }
      value = v;
    }
    return v;
  }

  /** The value as compact JSON (the bytes held, or the tree written compact); null without a value. */
  public byte[] compact() {
    if (compact != null) {
      return compact;
    }
    JsonNode v = value;
    return v == null ? null : compact(v);
  }

  public long revision() {
    return revision;
  }

  /** Equal revisions and equal values (as trees, so the form held does not matter). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StoredObject s) || s.revision != revision) {
      return false;
    }
    if (compact != null && s.compact != null && Arrays.equals(compact, s.compact)) {
      return true;
    }
    return Objects.equals(value(), s.value());
  }

  @Override
  public int hashCode() {
    return Objects.hash(value(), revision);
  }

  @Override
  public String toString() {
    return "StoredObject[value=" + value() + ", revision=" + revision + "]";
  }
}
