package dev.emcc.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Set;

/**
 * The values of the keys that repeat across a large workspace (models, device pools, partitions,
 * templates, locales, service names, ...: the same few texts tens of thousands of times) share one
 * instance per value, which keeps a loaded workspace smaller and cheaper for the garbage collector
 * to copy.
 *
 * <p>Only those keys: names, numbers and descriptions are unique, and passing them through the
 * cache too cost more than it saved (a miss, and a store into an old array for every value). A
 * fixed direct-mapped cache, not an unbounded map: memory stays bounded, and the racy array access
 * is safe because strings are immutable. Tokens other than a JSON string go to Jackson's own
 * deserializer, so the strict coercion rules and their messages stay as they are.
 */
final class SharedStrings extends StdScalarDeserializer<String> {
  /** Longer values are practically unique (hashes, descriptions); hashing them buys nothing. */
  static final int MAX_LENGTH = 48;
  private static final int SLOTS = 1 << 12;
  /** Keys (of an object, or holding an array of strings) whose values repeat. */
  private static final Set<String> REPEATING_KEYS = Set.of("model", "productType", "devicePool", "geolocation",
      "subscribedServices", "userHoldMohAudioSource", "userLocale", "phoneButtonTemplate", "softkeyTemplate",
      "emccCss", "module1", "module2", "mlppDomain", "partition", "firstName", "lastName", "defaultTemplate");
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
      return repeats(p.getParsingContext()) ? share(p.getText()) : p.getText();
    }
    return StringDeserializer.instance.deserialize(p, ctxt);
  }

  private static boolean repeats(JsonStreamContext context) {
    JsonStreamContext owner = context.inArray() ? context.getParent() : context;
    String key = owner == null ? null : owner.getCurrentName();
    return key != null && REPEATING_KEYS.contains(key);
  }

  @Override
  public boolean isCachable() {
    return true;
  }
}
