package dev.emcc.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

  private ObjectReader() {}

  /**
   * Reads one object strictly from a parser positioned before (or at) its first token and returns
   * its canonical JSON. Paths in errors start at {@code pathPrefix}.
   */
  public static JsonNode read(ObjectKey key, JsonParser parser, String source, String pathPrefix)
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
    if (value == null) {
      throw new DocumentException(source, pathPrefix, 0, 0, "expected an object, got null");
    }
    if (value instanceof ClusterSettings s && s.clusterId() != null) {
      // the node's cluster is the id: its settings object has none (as the document's key is unknown there)
      throw DocumentException.unknownKey(source, pathPrefix, "clusterId");
    }
    FormLimits.check(key, value, source, pathPrefix);
    JsonNode canonical = Json.mapper().valueToTree(value);
    String idField = ClusterObjects.idField(key.collection());
    if (idField != null) {
      JsonNode id = canonical.get(idField);
      if (id == null || !key.name().equals(id.asText(null))) {
        throw new DocumentException(source, pathPrefix + "." + idField, 0, 0,
            "the object's " + idField + " must be \"" + key.name() + "\", as in its address");
      }
    }
    return canonical;
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
