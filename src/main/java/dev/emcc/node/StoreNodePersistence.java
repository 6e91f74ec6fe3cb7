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
import java.nio.charset.StandardCharsets;
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
        byte[] utf8 = row.json().getBytes(StandardCharsets.UTF_8);
        if (row.collection().equals(ClusterObjects.CLUSTER_SETTINGS)) {
          // the API's settings/cluster is the store's cluster singleton without its id
          ObjectNode json = (ObjectNode) Json.mapper().readTree(utf8);
          json.remove("clusterId");
          objects.put(new ObjectKey(ClusterObjects.SETTINGS, row.collection()), new StoredObject(json, row.revision()));
        } else if (ClusterCollection.byKey(row.collection()).map(ClusterCollection::singleton).orElse(false)) {
          objects.put(new ObjectKey(ClusterObjects.SETTINGS, row.collection()), StoredObject.ofCompact(utf8, row.revision()));
        } else {
          // the store's rows are the canonical compact JSON the node wrote: kept as they are
          objects.put(new ObjectKey(row.collection(), row.name()), StoredObject.ofCompact(utf8, row.revision()));
        }
      }
      return new Loaded(clusterId, store.revision(clusterId), objects);
    } catch (StoreException | JsonProcessingException e) {
      throw new IOException("cannot load the node's store " + store.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long save(String clusterId, Map<ObjectKey, byte[]> puts, Set<ObjectKey> deletes) throws IOException {
    List<WorkspaceStore.ObjectWrite> writes = new ArrayList<>(puts.size() + deletes.size());
    for (Map.Entry<ObjectKey, byte[]> e : puts.entrySet()) {
      writes.add(write(clusterId, e.getKey(), e.getValue()));
    }
    for (ObjectKey k : deletes) {
      writes.add(write(clusterId, k, null));
    }
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

  private static WorkspaceStore.ObjectWrite write(String clusterId, ObjectKey key, byte[] value) throws IOException {
    if (ClusterObjects.SETTINGS.equals(key.collection())) {
      // a few single objects: given to the store as JSON, which it reads strictly
      JsonNode json = value == null ? null : Json.mapper().readTree(value);
      if (value != null && key.name().equals(ClusterObjects.CLUSTER_SETTINGS)) {
        ObjectNode withId = Json.mapper().createObjectNode().put("clusterId", clusterId);
        withId.setAll((ObjectNode) json);
        json = withId;
      }
      return new WorkspaceStore.ObjectWrite(key.name(), WorkspaceStore.SINGLETON_NAME, json);
    }
    if (value == null) {
      return new WorkspaceStore.ObjectWrite(key.collection(), key.name(), null);
    }
    // the node read the value strictly and holds the record's canonical JSON (ObjectReader.readCompact)
    return WorkspaceStore.ObjectWrite.canonical(key.collection(), key.name(), value);
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
