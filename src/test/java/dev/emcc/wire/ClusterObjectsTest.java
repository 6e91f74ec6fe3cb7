package dev.emcc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Phone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The wire's view of a cluster: split into objects and assembled back, the same cluster. */
class ClusterObjectsTest {
  private static final Cluster TOKYO = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();

  @Test
  void splitThenAssembleIsTheSameClusterInAnyOrderOfObjects() {
    for (Cluster c : List.of(TOKYO, WorkspaceGenerator.generate(300, 200, 100, 50, 2, 7)
        .clusters().get(1))) {
      SortedMap<ObjectKey, JsonNode> objects = ClusterObjects.split(c);
      // a node or a console may hold them in any order: the document puts each list back in key order
      List<Map.Entry<ObjectKey, JsonNode>> shuffled = new ArrayList<>(objects.entrySet());
      java.util.Collections.shuffle(shuffled, new java.util.Random(12));
      Map<ObjectKey, JsonNode> unordered = new java.util.LinkedHashMap<>();
      shuffled.forEach(e -> unordered.put(e.getKey(), e.getValue()));
      Cluster back = ClusterObjects.assemble(c.clusterId(), unordered);
      assertThat(ClusterObjects.split(back)).isEqualTo(objects);
      assertThat(back.clusterId()).isEqualTo(c.clusterId());
      assertThat(back.phones()).containsExactlyInAnyOrderElementsOf(c.phones());
      assertThat(back.trustStores()).isEqualTo(c.trustStores());
      assertThat(back.version()).isEqualTo(c.version());
    }
  }

  @Test
  void everyPartANodeServesHasItsKeyAndTheConsolesOwnRecordNone() {
    SortedMap<ObjectKey, JsonNode> objects = ClusterObjects.split(TOKYO);
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      boolean served = objects.keySet().stream().anyMatch(k -> ClusterObjects.collectionOf(k).orElseThrow() == c);
      assertThat(served).as(c.key()).isEqualTo(c.onNodes() && (c.singleton() || !c.items(TOKYO).isEmpty()));
    }
    // the cluster's own settings: without the id, which is the node's
    JsonNode settings = objects.get(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS));
    assertThat(settings.has("clusterId")).isFalse();
    assertThat(settings.get("version").asText()).isEqualTo(TOKYO.version());
    Phone first = TOKYO.phones().get(0);
    ObjectKey phone = ClusterObjects.keyOf(ClusterCollection.PHONES, first.name());
    assertThat(objects.get(phone)).isEqualTo(Json.mapper().valueToTree(first));
    assertThat(ClusterObjects.isKnown(new ObjectKey("settings", "certificateExport"))).isFalse();
    assertThat(ClusterObjects.isKnown(new ObjectKey("nothing", "x"))).isFalse();
  }

  @Test
  void aDuplicateNameCannotBeSplit() {
    Cluster twice = TOKYO.withPhones(List.of(TOKYO.phones().get(0), TOKYO.phones().get(0)));
    assertThatThrownBy(() -> ClusterObjects.split(twice)).hasMessageContaining("$.phones[1]: duplicate name");
  }

  @Test
  void pathsAreOneConstantAndAnObjectsPartsAreEncoded() {
    assertThat(WirePaths.OBJECTS).isEqualTo("/api/v1/cluster/objects");
    assertThat(WirePaths.object(new ObjectKey("phones", "SEP 1/2"))).isEqualTo("/api/v1/cluster/phones/SEP%201%2F2");
    assertThat(new TreeMap<>(Map.of(new ObjectKey("b", "a"), 1, new ObjectKey("a", "z"), 2)).firstKey())
        .isEqualTo(new ObjectKey("a", "z"));
  }
}
