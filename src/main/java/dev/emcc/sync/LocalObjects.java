package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The console's cluster as objects with their digests, computed cheaply when little changed: model
 * records are immutable, so a record instance seen in the previous call has the same JSON and its
 * digest is reused; only new instances (the edited objects) are serialised. Values are made on
 * demand, for the few objects a plan shows or a push sends.
 */
final class LocalObjects {
  /** A record made only when its value is asked for (an unchanged element of a workspace file). */
  interface Source {
    Object record();
  }

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

    /** An object with its digest, its value made from {@code source} (a record or a {@link Source}) when asked for. */
    static Local of(ObjectDigest digest, Object source) {
      return new Local(digest, source, null, null);
    }

    ObjectDigest digest() {
      return digest;
    }

    synchronized JsonNode value() {
      if (value == null) {
        value = tree(record());
      }
      return value;
    }

    /** The compact JSON, as the digest was taken of it. */
    synchronized byte[] compact() {
      if (compact == null) {
        Object r = record();
        compact = r != null ? LocalObjects.compact(r) : ObjectDigest.compact(value());
      }
      return compact;
    }

    private Object record() {
      return source instanceof Source s ? s.record() : source;
    }

    /**
     * The object as a record of {@code type} (for the binary batch): the record it was made from,
     * or its value read as one; null when it is neither (it then goes as JSON).
     */
    Object record(Class<?> type) {
      Object r = record();
      if (type.isInstance(r)) {
        return r;
      }
      JsonNode tree = r instanceof JsonNode j ? j : value();
      if (tree == null || tree.isNull()) {
        return null;
      }
      try {
        return Json.mapper().treeToValue(tree, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return null;
      }
    }
  }

  private static final Object LOCK = new Object();
  /** Collections longer than this are digested on every core. */
  private static final int PARALLEL_ABOVE = 2_000;
  private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
    @Override
    protected ObjectWriter computeValue(Class<?> type) {
      return Json.mapper().writerFor(type).without(SerializationFeature.INDENT_OUTPUT);
    }
  };
  /** Digests of the record instances of the last call (held until the next one replaces them). */
  private static IdentityHashMap<Object, ObjectDigest> previous = new IdentityHashMap<>();

  private LocalObjects() {}

  /** The cluster's objects keyed as {@link ClusterObjects#split} keys them; duplicate names are bad input. */
  static Map<ObjectKey, Local> of(Cluster c) {
    synchronized (LOCK) {
      IdentityHashMap<Object, ObjectDigest> next = new IdentityHashMap<>(Math.max(64, previous.size()));
      Map<ObjectKey, Local> out = of(c, previous, next);
      previous = next;
      return out;
    }
  }

  /** As {@link #of(Cluster)}, without the digests of the last call and without keeping these. */
  static Map<ObjectKey, Local> uncached(Cluster c) {
    return of(c, new IdentityHashMap<>(), new IdentityHashMap<>());
  }

  private static Map<ObjectKey, Local> of(Cluster c, IdentityHashMap<Object, ObjectDigest> seen,
      IdentityHashMap<Object, ObjectDigest> next) {
    {
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
      return out;
    }
  }

  private static <T> void addItems(ClusterCollection<T> collection, Cluster c, Map<ObjectKey, Local> out,
      IdentityHashMap<Object, ObjectDigest> seen, IdentityHashMap<Object, ObjectDigest> next) {
    List<T> items = collection.items(c);
    // the JSON and digests of the records not seen before, on every core (a first push: all of them)
    byte[][] compact = new byte[items.size()][];
    ObjectDigest[] digests = new ObjectDigest[items.size()];
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      digests[i] = item == null ? null : seen.get(item);
    }
    IntStream fresh = IntStream.range(0, items.size()).filter(i -> items.get(i) != null && digests[i] == null);
    (items.size() > PARALLEL_ABOVE ? fresh.parallel() : fresh).forEach(i -> {
      compact[i] = compact(items.get(i));
      digests[i] = ObjectDigest.of(compact[i]);
    });
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String id = item == null ? null : collection.nameOf(item);
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("$." + collection.key() + "[" + i + "]: missing " + collection.idField());
      }
      next.put(item, digests[i]);
      if (out.put(ClusterObjects.keyOf(collection, id), new Local(digests[i], item, null, compact[i])) != null) {
        throw new IllegalArgumentException("$." + collection.key() + "[" + i + "]: duplicate " + collection.idField()
            + " \"" + id + "\"");
      }
    }
  }

  /**
   * An object's canonical compact JSON written straight from its record: the same bytes as its
   * tree ({@code valueToTree}) written compact, which the node and the digests compare, without
   * building the tree.
   */
  static byte[] compact(Object record) {
    try {
      return WRITERS.get(record.getClass()).writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + record.getClass().getSimpleName(), e);
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
    byte[] compact = null;
    if (d == null) {
      compact = compact(item);
      d = ObjectDigest.of(compact);
    }
    next.put(item, d);
    return new Local(d, item, null, compact);
  }

  private static JsonNode tree(Object v) {
    return v == null ? NullNode.getInstance() : Json.mapper().valueToTree(v);
  }
}
