package dev.emcc.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.ClusterSettings;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cluster document seen as objects: each element of a list (keyed by its name, userId or
 * clusterId) and each single object ({@code settings/X}) is one object with its own revision.
 * The parts are {@link ClusterCollection#ALL}'s that a node serves. Splitting and assembling are
 * exact inverses on canonical JSON (the model's own serialization), so a node and a console
 * compare objects with plain JSON equality.
 */
public final class ClusterObjects {
  /** The pseudo-collection of the cluster's single objects. */
  public static final String SETTINGS = "settings";
  /** The settings object holding version, securityMode and maxPhones. */
  public static final String CLUSTER_SETTINGS = ClusterCollection.CLUSTER.key();

  /** The parts a node serves, lists by their key and single objects by their name. */
  private static final Map<String, ClusterCollection<?>> LISTS = new LinkedHashMap<>();
  private static final Map<String, ClusterCollection<?>> SINGLES = new LinkedHashMap<>();

  static {
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      if (c.onNodes()) {
        (c.singleton() ? SINGLES : LISTS).put(c.key(), c);
      }
    }
  }

  private ClusterObjects() {}

  /** The list keys of the cluster document, in document order. */
  public static Set<String> collections() {
    return Collections.unmodifiableSet(LISTS.keySet());
  }

  /** The names of the single objects (collection {@value #SETTINGS}). */
  public static Set<String> settings() {
    return Collections.unmodifiableSet(SINGLES.keySet());
  }

  /** The part an object key names: {@code phones/x} the phones, {@code settings/trustStores} the trust stores. */
  public static Optional<ClusterCollection<?>> collectionOf(ObjectKey key) {
    return Optional.ofNullable(SETTINGS.equals(key.collection()) ? SINGLES.get(key.name()) : LISTS.get(key.collection()));
  }

  /** The key of an object of a part: {@code settings/NAME} for a single object, else {@code KEY/name}. */
  public static ObjectKey keyOf(ClusterCollection<?> collection, String name) {
    return collection.singleton() ? new ObjectKey(SETTINGS, collection.key()) : new ObjectKey(collection.key(), name);
  }

  /** True for {@code phones/x}, {@code settings/trustStores}; false for unknown collections. */
  public static boolean isKnown(ObjectKey key) {
    return collectionOf(key).isPresent();
  }

  public static boolean isCollection(String collection) {
    return LISTS.containsKey(collection) || SETTINGS.equals(collection);
  }

  /** The JSON key that names an element of the collection ({@code name}, {@code userId} ...). */
  public static String idField(String collection) {
    ClusterCollection<?> c = LISTS.get(collection);
    return c == null ? null : c.idField();
  }

  /** The JSON of a node's single object: the cluster's own settings without its id (the node's). */
  public static Object single(ClusterCollection<?> collection, Cluster cluster) {
    Object value = collection.value(cluster);
    return value instanceof ClusterSettings s ? s.withoutId() : value;
  }

  /** Splits a cluster into its objects, sorted by key. Duplicate names are bad input. */
  public static SortedMap<ObjectKey, JsonNode> split(Cluster cluster) {
    SortedMap<ObjectKey, JsonNode> out = new TreeMap<>();
    for (ClusterCollection<?> c : SINGLES.values()) {
      out.put(keyOf(c, null), Json.mapper().valueToTree(single(c, cluster)));
    }
    for (ClusterCollection<?> c : LISTS.values()) {
      splitList(c, cluster, out);
    }
    return out;
  }

  private static <T> void splitList(ClusterCollection<T> c, Cluster cluster, Map<ObjectKey, JsonNode> out) {
    List<T> items = c.items(cluster);
    for (int i = 0; i < items.size(); i++) {
      String id = c.nameOf(items.get(i));
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("$." + c.key() + "[" + i + "]: missing " + c.idField());
      }
      if (out.put(keyOf(c, id), Json.mapper().valueToTree(items.get(i))) != null) {
        throw new IllegalArgumentException("$." + c.key() + "[" + i + "]: duplicate " + c.idField() + " \"" + id + "\"");
      }
    }
  }

  /** Builds the cluster document (as JSON) from its objects; list elements in key order. */
  public static ObjectNode assembleTree(String clusterId, Map<ObjectKey, JsonNode> objects) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("clusterId", clusterId);
    for (ClusterCollection<?> c : SINGLES.values()) {
      JsonNode v = objects.get(keyOf(c, null));
      if (v != null && c == ClusterCollection.CLUSTER) {
        v.fields().forEachRemaining(f -> doc.set(f.getKey(), f.getValue()));
      } else if (v != null) {
        doc.set(c.key(), v);
      }
    }
    Map<String, ArrayNode> arrays = new LinkedHashMap<>();
    for (String c : LISTS.keySet()) {
      arrays.put(c, doc.putArray(c));
    }
    SortedMap<ObjectKey, JsonNode> sorted = objects instanceof SortedMap<ObjectKey, JsonNode> s
        ? s : new TreeMap<>(objects);
    for (Map.Entry<ObjectKey, JsonNode> e : sorted.entrySet()) {
      ArrayNode a = arrays.get(e.getKey().collection());
      if (a != null) {
        a.add(e.getValue());
      }
    }
    return doc;
  }

  /** The cluster of the given objects, read back through the model. */
  public static Cluster assemble(String clusterId, Map<ObjectKey, JsonNode> objects) {
    try {
      return Json.mapper().treeToValue(assembleTree(clusterId, objects), Cluster.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored objects do not form a cluster: " + e.getOriginalMessage(), e);
    }
  }
}
