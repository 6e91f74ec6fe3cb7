package dev.emcc.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.ClusterSettings;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.io.IOException;
import java.util.Map;

/**
 * How a node reads an object it is sent: strictly as its record (as an imported document is
 * read), within the form limits, named as its address says, and returned as canonical JSON.
 */
public final class ObjectReader {
  /** One reader per type (readers are immutable): a full push reads tens of thousands of objects. */
  private static final Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** The compact writer of each type (the canonical JSON the node keeps). */
  private static final Map<Class<?>, ObjectWriter> WRITERS = new java.util.concurrent.ConcurrentHashMap<>();

  private ObjectReader() {}

  /**
   * Reads one object strictly from a parser positioned before (or at) its first token and returns
   * its canonical JSON. Paths in errors start at {@code pathPrefix}.
   */
  public static JsonNode read(ObjectKey key, JsonParser parser, String source, String pathPrefix)
      throws DocumentException {
    return Json.mapper().valueToTree(record(key, parser, source, pathPrefix));
  }

  /**
   * As {@link #read(ObjectKey, JsonParser, String, String)}, returning the canonical JSON as
   * compact UTF-8 (written straight from the record, no tree): what a node keeps and stores.
   */
  public static byte[] readCompact(ObjectKey key, JsonParser parser, String source, String pathPrefix)
      throws DocumentException {
    return canonical(key, record(key, parser, source, pathPrefix));
  }

  /** A record's canonical JSON, compact UTF-8: what a node keeps and stores. */
  static byte[] canonical(ObjectKey key, Object value) {
    try {
      return WRITERS.computeIfAbsent(value.getClass(), t -> Json.mapper().writerFor(t)
          .without(SerializationFeature.INDENT_OUTPUT)).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a " + key.collection() + " object", e);
    }
  }

  /** The object read strictly as its record, its limits and its name checked. */
  private static Object record(ObjectKey key, JsonParser parser, String source, String pathPrefix)
      throws DocumentException {
    ClusterCollection<?> collection = ClusterObjects.collectionOf(key)
        .orElseThrow(() -> new IllegalArgumentException("unknown object " + key));
    Class<?> type = collection.type();
    Object value;
    try {
      // the object may be one value inside a larger document: what follows it is not an error here
      value = READERS.computeIfAbsent(type, t -> Json.mapper().readerFor(t)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).readValue(parser);
    } catch (JsonProcessingException e) {
      DocumentException d = Json.problem(source, e);
      throw new DocumentException(source, pathPrefix + d.path().substring(1), d.line(), d.column(),
          d.problem());
    } catch (IOException e) {
      throw new DocumentException(source, pathPrefix, 0, 0, String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      // a compact constructor refusing a value (IllegalArgumentException and the like)
      throw new DocumentException(source, pathPrefix, 0, 0, String.valueOf(e.getMessage()));
    }
    return checked(key, value, source, pathPrefix);
  }

  /**
   * A record made (from JSON or from a binary batch) checked as a node takes it: an object, within
   * the form limits, named as its address says.
   */
  static Object checked(ObjectKey key, Object value, String source, String pathPrefix) throws DocumentException {
    ClusterCollection<?> collection = ClusterObjects.collectionOf(key)
        .orElseThrow(() -> new IllegalArgumentException("unknown object " + key));
    if (value == null) {
      throw new DocumentException(source, pathPrefix, 0, 0, "expected an object, got null");
    }
    if (value instanceof ClusterSettings s && s.clusterId() != null) {
      // the node's cluster is the id: its settings object has none (as the document's key is unknown there)
      throw DocumentException.unknownKey(source, pathPrefix, "clusterId");
    }
    FormLimits.check(key, value, source, pathPrefix);
    if (!collection.singleton() && !key.name().equals(name(collection, value))) {
      throw new DocumentException(source, pathPrefix + "." + collection.idField(), 0, 0,
          "the object's " + collection.idField() + " must be \"" + key.name() + "\", as in its address");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <T> String name(ClusterCollection<T> collection, Object value) {
    return collection.nameOf((T) value);
  }

  /** Reads one object from bytes (a request body or a file). */
  public static JsonNode read(ObjectKey key, byte[] json, String source) throws DocumentException {
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      JsonNode value = read(key, p, source, "$");
      if (p.nextToken() != null) {
        throw new DocumentException(source, "$", p.currentLocation().getLineNr(),
            p.currentLocation().getColumnNr(), "trailing content after the object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw Json.problem(source, e);
    } catch (IOException e) {
      throw new DocumentException(source, "$", 0, 0, String.valueOf(e.getMessage()));
    }
  }
}
