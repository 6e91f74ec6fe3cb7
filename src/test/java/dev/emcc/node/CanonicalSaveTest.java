package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node hands the store the canonical trees it read strictly, and the store keeps their text
 * without reading them again: the stored text must be what the store's own strict reading gives.
 */
class CanonicalSaveTest {
  @TempDir
  Path dir;

  @Test
  void theNodesCanonicalTreesAreStoredAsTheStoresStrictReadingWouldStoreThem() throws Exception {
    Cluster cluster = DemoWorkspace.create().clusters().get(0);
    SortedMap<ObjectKey, JsonNode> objects = ClusterObjects.split(cluster);
    try (StoreNodePersistence node = StoreNodePersistence.open(dir.resolve("node.db"));
        WorkspaceStore strict = WorkspaceStore.open(dir.resolve("strict.db"))) {
      node.save(cluster.clusterId(), objects, Set.of());
      List<WorkspaceStore.ObjectWrite> writes = new ArrayList<>();
      objects.forEach((k, v) -> {
        if (!ClusterObjects.SETTINGS.equals(k.collection())) {
          writes.add(new WorkspaceStore.ObjectWrite(k.collection(), k.name(), v));
        }
      });
      strict.saveObjects(cluster.clusterId(), writes, "strict");
      Map<String, String> expected = new HashMap<>();
      for (WorkspaceStore.StoredObjectRow r : strict.objects(cluster.clusterId())) {
        if (ClusterObjects.isCollection(r.collection())) {
          expected.put(r.collection() + "/" + r.name(), r.json());
        }
      }
      Map<String, String> actual = new HashMap<>();
      for (WorkspaceStore.StoredObjectRow r : node.storeForTests().objects(cluster.clusterId())) {
        if (ClusterObjects.isCollection(r.collection())) {
          actual.put(r.collection() + "/" + r.name(), r.json());
        }
      }
      assertThat(expected).hasSizeGreaterThan(20);
      assertThat(actual).isEqualTo(expected);
    }
  }
}
