package dev.emcc.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Where a node keeps its cluster: loaded once at start, then every accepted write is saved in ONE
 * transaction before the node answers. The node is the only writer of its store.
 */
public interface NodePersistence extends AutoCloseable {

  /** The stored cluster: its id (null while the node holds none), revision and objects. */
  record Loaded(String clusterId, long revision, SortedMap<ObjectKey, StoredObject> objects) {}

  Loaded load() throws IOException;

  /**
   * Saves one accepted write atomically: the objects put (each differs from what is stored) and
   * the objects deleted. Values are canonical trees of the model's objects (read strictly by
   * {@link ObjectReader#read} or split from a model {@code Cluster}): the store keeps their text
   * without reading them again. Returns the new revision, which the store assigns and which only grows.
   * Either all of it is saved or, on an exception, none of it.
   */
  long save(String clusterId, Map<ObjectKey, JsonNode> puts, Set<ObjectKey> deletes) throws IOException;

  @Override
  void close() throws IOException;
}
