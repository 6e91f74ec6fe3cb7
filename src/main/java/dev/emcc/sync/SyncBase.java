package dev.emcc.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.node.ObjectKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each object looked like at the last sync with each node (its revision there and its JSON):
 * the "base" that tells who changed an object since. Kept beside the console's workspace file or
 * database as {@code NAME.sync.json}, one section per node and cluster.
 */
public final class SyncBase {
  /** One object as last synced: the node's revision and the JSON both sides agreed on. */
  public record Entry(long revision, JsonNode value) {}

  private final Path file;
  private final Map<String, Map<ObjectKey, Entry>> sections = new HashMap<>();

  private SyncBase(Path file) {
    this.file = file;
  }

  /** The base file that belongs to a workspace file or database. */
  public static Path fileFor(Path local) {
    return local.resolveSibling(local.getFileName() + ".sync.json");
  }

  public static SyncBase load(Path file) throws IOException {
    SyncBase base = new SyncBase(file);
    if (!Files.exists(file)) {
      return base;
    }
    JsonNode root = Json.mapper().readTree(file.toFile());
    for (JsonNode section : root.path("sections")) {
      Map<ObjectKey, Entry> objects = new TreeMap<>();
      for (JsonNode o : section.path("objects")) {
        objects.put(new ObjectKey(o.get("collection").asText(), o.get("name").asText()),
            new Entry(o.get("revision").asLong(), o.get("value")));
      }
      base.sections.put(key(section.get("node").asText(), section.get("clusterId").asText()), objects);
    }
    return base;
  }

  private static String key(String node, String clusterId) {
    return node + "\n" + clusterId;
  }

  /** The last-synced objects for a node and cluster (a copy). */
  public synchronized Map<ObjectKey, Entry> get(String node, String clusterId) {
    return new TreeMap<>(sections.getOrDefault(key(node, clusterId), Map.of()));
  }

  public synchronized void put(String node, String clusterId, Map<ObjectKey, Entry> objects) {
    sections.put(key(node, clusterId), new TreeMap<>(objects));
  }

  /** Writes the base file whole, through a temporary file: never half-written. */
  public synchronized void save() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
      g.writeStartObject();
      g.writeNumberField("formatVersion", 1);
      g.writeArrayFieldStart("sections");
      for (Map.Entry<String, Map<ObjectKey, Entry>> s : new TreeMap<>(sections).entrySet()) {
        String[] parts = s.getKey().split("\n", 2);
        g.writeStartObject();
        g.writeStringField("node", parts[0]);
        g.writeStringField("clusterId", parts[1]);
        g.writeArrayFieldStart("objects");
        for (Map.Entry<ObjectKey, Entry> o : s.getValue().entrySet()) {
          g.writeStartObject();
          g.writeStringField("collection", o.getKey().collection());
          g.writeStringField("name", o.getKey().name());
          g.writeNumberField("revision", o.getValue().revision());
          g.writeFieldName("value");
          g.writeTree(o.getValue().value());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, buf.toByteArray());
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
