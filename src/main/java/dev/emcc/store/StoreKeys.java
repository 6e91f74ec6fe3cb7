package dev.emcc.store;

import dev.emcc.model.ClusterCollection;
import java.util.Objects;

/** How the store keys an object: the collection's key, and the object's name ("" for a single object). */
final class StoreKeys {
  /** The object name of every single object (cluster settings, trust stores, ...). */
  static final String SINGLETON_NAME = "";

  private StoreKeys() {}

  /** The collection of a stored key; an unknown key is the caller's mistake. */
  static ClusterCollection<?> require(String key) {
    return ClusterCollection.byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown collection \"" + key
        + "\": expected one of " + ClusterCollection.ALL.stream().map(ClusterCollection::key).toList()));
  }

  /** The stored name of an object: "" for a single object, else the name given. */
  static String nameFor(ClusterCollection<?> collection, String name) {
    return collection.singleton() ? SINGLETON_NAME : Objects.requireNonNull(name, "name");
  }

  /** The collection's place in the cluster document: the order of a load and of removals. */
  static int order(ClusterCollection<?> collection) {
    return ClusterCollection.ALL.indexOf(collection);
  }
}
