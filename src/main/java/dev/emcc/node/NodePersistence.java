package dev.emcc.node;

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
   * Saves one accepted write atomically: the cluster's new revision, the objects put (with that
   * revision) and the objects deleted. Either all of it is saved or, on an exception, none of it.
   */
  void save(String clusterId, long revision, Map<ObjectKey, StoredObject> puts, Set<ObjectKey> deletes)
      throws IOException;

  @Override
  void close() throws IOException;
}
