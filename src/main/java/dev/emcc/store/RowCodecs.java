package dev.emcc.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;

/**
 * The JSON readers and writers of the store's rows, one of each per record type. Made on first
 * use, not with the class: building one builds the (de)serialisers of the type and everything in
 * it, and a load in a fresh JVM needs only the row readers. A race makes one twice; both are
 * equal and immutable.
 */
final class RowCodecs {
  private static final ClassValue<RowCodecs> OF_TYPE = new ClassValue<>() {
    @Override
    protected RowCodecs computeValue(Class<?> type) {
      return new RowCodecs(type);
    }
  };

  private final Class<?> type;
  private volatile ObjectWriter writer;
  private volatile ObjectReader reader;
  private volatile ObjectReader rowReader;

  private RowCodecs(Class<?> type) {
    this.type = type;
  }

  /** Compact JSON (the workspace format's keys and values, without the indentation). */
  static ObjectWriter writer(ClusterCollection<?> c) {
    RowCodecs codecs = OF_TYPE.get(c.type());
    ObjectWriter w = codecs.writer;
    if (w == null) {
      w = Json.mapper().writerFor(codecs.type).without(SerializationFeature.INDENT_OUTPUT);
      codecs.writer = w;
    }
    return w;
  }

  /** A strict reader, as an imported document is read. */
  static ObjectReader reader(ClusterCollection<?> c) {
    RowCodecs codecs = OF_TYPE.get(c.type());
    ObjectReader r = codecs.reader;
    if (r == null) {
      r = Json.mapper().readerFor(codecs.type);
      codecs.reader = r;
    }
    return r;
  }

  /**
   * For the store's own rows only, one value at a time from a parser over many rows: no
   * duplicate-key check (the writer cannot repeat a key) and the caller checks what follows.
   */
  static ObjectReader rowReader(ClusterCollection<?> c) {
    RowCodecs codecs = OF_TYPE.get(c.type());
    ObjectReader r = codecs.rowReader;
    if (r == null) {
      r = Json.ownOutputMapper().readerFor(codecs.type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      codecs.rowReader = r;
    }
    return r;
  }
}
