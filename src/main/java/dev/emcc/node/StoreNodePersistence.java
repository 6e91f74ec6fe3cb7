package dev.emcc.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;
import dev.emcc.store.SaveResult;
import dev.emcc.store.StoreException;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A node's cluster in the project's SQLite store ({@link WorkspaceStore}): one row per object,
 * revisions are the store's change-set ids, every write one transaction. The API's
 * {@code settings/X} objects are the store's singletons {@code X} (name ""), and
 * {@code settings/cluster} is the store's {@code cluster} singleton without its clusterId.
 */
public final class StoreNodePersistence implements NodePersistence {
  private final WorkspaceStore store;

  private StoreNodePersistence(WorkspaceStore store) {
    this.store = store;
  }

  /** Opens (creating) the store file of a node, such as {@code DIR/node.db}. */
  public static StoreNodePersistence open(Path file) throws IOException {
    try {
      return new StoreNodePersistence(WorkspaceStore.open(file));
    } catch (StoreException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public Loaded load() throws IOException {
    try {
      List<String> ids = store.clusterIds();
      if (ids.isEmpty()) {
        return new Loaded(null, 0, new TreeMap<>());
      }
      if (ids.size() > 1) {
        throw new IOException("the node's store holds " + ids.size() + " clusters " + ids + "; a node serves one");
      }
      String clusterId = ids.get(0);
      SortedMap<ObjectKey, StoredObject> objects = new TreeMap<>();
      for (WorkspaceStore.StoredObjectRow row : store.objects(clusterId)) {
        JsonNode json = Json.mapper().readTree(row.json());
        ObjectKey key;
        if (ClusterCollection.byKey(row.collection()).map(ClusterCollection::singleton).orElse(false)) {
          key = new ObjectKey(ClusterObjects.SETTINGS, row.collection());
          if (row.collection().equals(ClusterObjects.CLUSTER_SETTINGS)) {
            ((ObjectNode) json).remove("clusterId");
          }
        } else {
          key = new ObjectKey(row.collection(), row.name());
        }
        objects.put(key, new StoredObject(json, row.revision()));
      }
      return new Loaded(clusterId, store.revision(clusterId), objects);
    } catch (StoreException | JsonProcessingException e) {
      throw new IOException("cannot load the node's store " + store.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long save(String clusterId, Map<ObjectKey, JsonNode> puts, Set<ObjectKey> deletes) throws IOException {
    List<WorkspaceStore.ObjectWrite> writes = new ArrayList<>(puts.size() + deletes.size());
    puts.forEach((k, v) -> writes.add(write(clusterId, k, v)));
    deletes.forEach(k -> writes.add(write(clusterId, k, null)));
    try {
      SaveResult r = store.saveObjects(clusterId, writes, "node: " + (puts.size() + deletes.size()) + " object(s)");
      return r.changeSetId();
    } catch (StoreException e) {
      throw new IOException(e.getMessage(), e);
    } catch (DocumentException e) {
      // the node reads every object strictly before it gets here
      throw new IllegalStateException("the store refused an object the node accepted: " + e.getMessage(), e);
    }
  }

  private static WorkspaceStore.ObjectWrite write(String clusterId, ObjectKey key, JsonNode value) {
    if (ClusterObjects.SETTINGS.equals(key.collection())) {
      JsonNode json = value;
      if (value != null && key.name().equals(ClusterObjects.CLUSTER_SETTINGS)) {
        ObjectNode withId = Json.mapper().createObjectNode().put("clusterId", clusterId);
        withId.setAll((ObjectNode) value);
        json = withId;
      }
      return new WorkspaceStore.ObjectWrite(key.name(), WorkspaceStore.SINGLETON_NAME, json);
    }
    // the node read the value strictly and holds the record's canonical tree (ObjectReader.read)
    return new WorkspaceStore.ObjectWrite(key.collection(), key.name(), value, true);
  }

  /** The store itself, for tests of this package. */
  WorkspaceStore storeForTests() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }
}
