package dev.emcc.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Read strings share one instance per value: a large workspace repeats the same short texts
 * (models, device pools, partitions, templates, locales, service names, cross references) tens of
 * thousands of times, and one copy of each keeps the loaded workspace smaller and cheaper to
 * copy for the garbage collector.
 *
 * <p>A fixed direct-mapped cache, not an unbounded map: a unique value (a device name) only evicts
 * one slot, memory stays bounded, and the racy array access is safe because strings are immutable.
 * Tokens other than a JSON string go to Jackson's own deserializer, so the strict coercion rules
 * and their messages stay as they are.
 */
final class SharedStrings extends StdScalarDeserializer<String> {
  /** Longer values are practically unique (hashes, descriptions); hashing them buys nothing. */
  static final int MAX_LENGTH = 48;
  private static final int SLOTS = 1 << 14;
  private static final String[] CACHE = new String[SLOTS];

  SharedStrings() {
    super(String.class);
  }

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("shared-strings");
    m.addDeserializer(String.class, new SharedStrings());
    return m;
  }

  /** The shared instance equal to {@code s} (or {@code s} itself, which then becomes the shared one). */
  static String share(String s) {
    if (s.length() > MAX_LENGTH) {
      return s;
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> 14)) & (SLOTS - 1);
    String cached = CACHE[slot];
    if (cached != null && cached.equals(s)) {
      return cached;
    }
    CACHE[slot] = s;
    return s;
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      return share(p.getText());
    }
    return StringDeserializer.instance.deserialize(p, ctxt);
  }

  @Override
  public boolean isCachable() {
    return true;
  }
}
