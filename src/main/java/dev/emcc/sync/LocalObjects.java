package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's cluster as objects with their digests, computed cheaply when little changed: model
 * records are immutable, so a record instance seen in the previous call has the same JSON and its
 * digest is reused; only new instances (the edited objects) are serialised. Values are made on
 * demand, for the few objects a plan shows or a push sends.
 */
final class LocalObjects {
  /** One local object: its digest and, on demand, its canonical JSON. */
  static final class Local {
    private final ObjectDigest digest;
    private final Object source;
    private JsonNode value;
    private byte[] compact;

    Local(ObjectDigest digest, Object source, JsonNode value) {
      this(digest, source, value, null);
    }

    private Local(ObjectDigest digest, Object source, JsonNode value, byte[] compact) {
      this.digest = digest;
      this.source = source;
      this.value = value;
      this.compact = compact;
    }

    ObjectDigest digest() {
      return digest;
    }

    synchronized JsonNode value() {
      if (value == null) {
        value = tree(source);
      }
      return value;
    }

    /** The compact JSON, as the digest was taken of it. */
    synchronized byte[] compact() {
      if (compact == null) {
        compact = ObjectDigest.compact(value());
      }
      return compact;
    }
  }

  private static final Object LOCK = new Object();
  /** Digests of the record instances of the last call (held until the next one replaces them). */
  private static IdentityHashMap<Object, ObjectDigest> previous = new IdentityHashMap<>();

  private LocalObjects() {}

  /** The cluster's objects keyed as {@link ClusterObjects#split} keys them; duplicate names are bad input. */
  static Map<ObjectKey, Local> of(Cluster c) {
    synchronized (LOCK) {
      IdentityHashMap<Object, ObjectDigest> seen = previous;
      IdentityHashMap<Object, ObjectDigest> next = new IdentityHashMap<>(Math.max(64, seen.size()));
      Map<ObjectKey, Local> out = new HashMap<>();
      for (ClusterCollection<?> collection : ClusterCollection.ALL) {
        if (!collection.onNodes()) {
          continue;
        }
        if (collection.singleton()) {
          // the cluster's settings are made anew on every call: their digest is taken each time (three values)
          Object single = ClusterObjects.single(collection, c);
          out.put(ClusterObjects.keyOf(collection, null),
              collection == ClusterCollection.CLUSTER ? fresh(single) : local(single, seen, next));
        } else {
          addItems(collection, c, out, seen, next);
        }
      }
      previous = next;
      return out;
    }
  }

  private static <T> void addItems(ClusterCollection<T> collection, Cluster c, Map<ObjectKey, Local> out,
      IdentityHashMap<Object, ObjectDigest> seen, IdentityHashMap<Object, ObjectDigest> next) {
    List<T> items = collection.items(c);
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String id = item == null ? null : collection.nameOf(item);
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("$." + collection.key() + "[" + i + "]: missing " + collection.idField());
      }
      if (out.put(ClusterObjects.keyOf(collection, id), local(item, seen, next)) != null) {
        throw new IllegalArgumentException("$." + collection.key() + "[" + i + "]: duplicate " + collection.idField()
            + " \"" + id + "\"");
      }
    }
  }

  private static Local fresh(Object value) {
    JsonNode tree = tree(value);
    return new Local(ObjectDigest.of(tree), tree, tree);
  }

  private static Local local(Object item, IdentityHashMap<Object, ObjectDigest> seen,
      IdentityHashMap<Object, ObjectDigest> next) {
    if (item == null) {
      return new Local(ObjectDigest.of(NullNode.getInstance()), null, NullNode.getInstance());
    }
    ObjectDigest d = seen.get(item);
    JsonNode value = null;
    byte[] compact = null;
    if (d == null) {
      value = tree(item);
      compact = ObjectDigest.compact(value);
      d = ObjectDigest.of(compact);
    }
    next.put(item, d);
    return new Local(d, item, value, compact);
  }

  private static JsonNode tree(Object v) {
    return v == null ? NullNode.getInstance() : Json.mapper().valueToTree(v);
  }
}
