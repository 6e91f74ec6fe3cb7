package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.node.ClusterObjects;
import dev.emcc.node.ObjectKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
      ObjectNode settings = Json.mapper().createObjectNode();
      settings.set("version", tree(c.version()));
      settings.set("securityMode", tree(c.securityMode()));
      settings.set("maxPhones", tree(c.maxPhones()));
      out.put(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS),
          new Local(ObjectDigest.of(settings), settings, settings));
      for (String single : ClusterObjects.settings()) {
        if (!ClusterObjects.CLUSTER_SETTINGS.equals(single)) {
          out.put(new ObjectKey(ClusterObjects.SETTINGS, single), local(component(c, single), seen, next));
        }
      }
      for (String collection : ClusterObjects.collections()) {
        List<?> items = (List<?>) component(c, collection);
        String idField = ClusterObjects.idField(collection);
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          Object id = item == null ? null : component(item, idField);
          if (!(id instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException("$." + collection + "[" + i + "]: missing " + idField);
          }
          if (out.put(new ObjectKey(collection, s), local(item, seen, next)) != null) {
            throw new IllegalArgumentException("$." + collection + "[" + i + "]: duplicate " + idField + " \"" + s + "\"");
          }
        }
      }
      previous = next;
      return out;
    }
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

  private static final Map<String, Method> ACCESSORS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A record component by name (the collections and id fields are the records' own names). */
  private static Object component(Object record, String name) {
    Method m = ACCESSORS.computeIfAbsent(record.getClass().getName() + "#" + name, k -> {
      try {
        return record.getClass().getMethod(name);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(record.getClass().getSimpleName() + " has no " + name, e);
      }
    });
    try {
      return m.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getSimpleName(), e);
    }
  }
}
