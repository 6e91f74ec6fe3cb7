package dev.emcc.node;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /api/v1/cluster/changes} strictly, streaming, so that an error in
 * the 30,000th object is reported with its path, line and column:
 * <pre>{"clusterId": "TOKYO", "changes": [
 *   {"collection": "phones", "name": "SEP...", "baseRevision": 0, "value": {...}},
 *   {"collection": "phones", "name": "SEP...", "baseRevision": 7, "delete": true}]}</pre>
 */
final class BatchReader {
  /** A parsed batch. */
  record Batch(String clusterId, List<ClusterState.Change> changes) {}

  private static final String SOURCE = "request";

  private BatchReader() {}

  static Batch read(byte[] body) throws DocumentException {
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "$", "an object with clusterId and changes");
      String clusterId = null;
      List<ClusterState.Change> changes = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "clusterId" -> {
            expect(p, t, JsonToken.VALUE_STRING, "$.clusterId", "a string");
            clusterId = p.getText();
          }
          case "changes" -> {
            expect(p, t, JsonToken.START_ARRAY, "$.changes", "an array");
            changes = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              changes.add(readChange(p, "$.changes[" + changes.size() + "]"));
            }
          }
          default -> throw problem(p, "$." + field, "unknown key \"" + field + "\"");
        }
      }
      if (p.nextToken() != null) {
        throw problem(p, "$", "trailing content after the batch");
      }
      if (clusterId == null || clusterId.isBlank()) {
        throw new DocumentException(SOURCE, "$.clusterId", 1, 1, "missing key \"clusterId\"");
      }
      if (changes == null) {
        throw new DocumentException(SOURCE, "$.changes", 1, 1, "missing key \"changes\"");
      }
      return new Batch(clusterId, changes);
    } catch (JsonProcessingException e) {
      throw Json.problem(SOURCE, e);
    } catch (IOException e) {
      throw new DocumentException(SOURCE, "$", 0, 0, String.valueOf(e.getMessage()));
    }
  }

  private static ClusterState.Change readChange(JsonParser p, String path)
      throws IOException, DocumentException {
    expect(p, p.currentToken(), JsonToken.START_OBJECT, path, "an object");
    JsonLocation start = p.currentLocation();
    String collection = null;
    String name = null;
    Long base = null;
    boolean delete = false;
    JsonNode value = null;
    JsonNode rawValue = null;
    JsonLocation valueAt = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "collection" -> {
          expect(p, t, JsonToken.VALUE_STRING, path + ".collection", "a string");
          collection = p.getText();
          if (!ClusterObjects.isCollection(collection)) {
            throw problem(p, path + ".collection", "unknown collection \"" + collection + "\"");
          }
        }
        case "name" -> {
          expect(p, t, JsonToken.VALUE_STRING, path + ".name", "a string");
          name = p.getText();
        }
        case "baseRevision" -> {
          expect(p, t, JsonToken.VALUE_NUMBER_INT, path + ".baseRevision", "an integer");
          base = p.getLongValue();
          if (base < 0) {
            throw problem(p, path + ".baseRevision", "must be 0 (new object) or a revision");
          }
        }
        case "delete" -> {
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw problem(p, path + ".delete", "wrong type: expected true or false");
          }
          delete = t == JsonToken.VALUE_TRUE;
        }
        case "value" -> {
          valueAt = p.currentLocation();
          if (collection != null && name != null && !name.isEmpty()
              && ClusterObjects.isKnown(new ObjectKey(collection, name))) {
            // the usual key order: read the object straight from the stream, exact positions
            value = ObjectReader.read(new ObjectKey(collection, name), p, SOURCE, path + ".value");
          } else {
            rawValue = Json.mapper().reader().without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p);
          }
        }
        default -> throw problem(p, path + "." + field, "unknown key \"" + field + "\"");
      }
    }
    if (collection == null) {
      throw at(start, path + ".collection", "missing key \"collection\"");
    }
    if (name == null || name.isEmpty()) {
      throw at(start, path + ".name", "missing key \"name\"");
    }
    ObjectKey key = new ObjectKey(collection, name);
    if (!ClusterObjects.isKnown(key)) {
      throw at(start, path + ".name", "unknown setting \"" + name + "\"");
    }
    if (base == null) {
      throw at(start, path + ".baseRevision", "missing key \"baseRevision\"");
    }
    if (rawValue != null) {
      value = ObjectReader.read(key, Json.mapper().treeAsTokens(rawValue), SOURCE, path + ".value");
    }
    if (delete == (value != null)) {
      throw at(start, path, delete ? "a deletion carries no value" : "give a value or \"delete\": true");
    }
    if (value != null && value.isNull()) {
      throw at(valueAt, path + ".value", "expected an object, got null");
    }
    return new ClusterState.Change(key, base, value);
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String path, String what)
      throws DocumentException {
    if (actual != wanted) {
      throw problem(p, path, "wrong type: expected " + what);
    }
  }

  private static DocumentException problem(JsonParser p, String path, String message) {
    return at(p.currentLocation(), path, message);
  }

  private static DocumentException at(JsonLocation loc, String path, String message) {
    int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
    return new DocumentException(SOURCE, path, line, column, message);
  }
}
