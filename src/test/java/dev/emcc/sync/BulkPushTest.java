package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.ClusterState;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path of a push: a cluster of more than {@link Syncer#BULK_ABOVE} objects into a node
 * that holds nothing goes without comparing or planning trees, its agreed values recorded in
 * packs; what follows (a delta push, a pull, a conflict against the packed agreed value) works
 * as after any push.
 */
class BulkPushTest {
  @TempDir
  Path dir;
  RunningNode node;
  Path workspace;
  Cluster cluster;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir.resolve("node"), null);
    cluster = WorkspaceGenerator.generate(5_000, 2_000, 1_600, 400, 2, 11).clusters().get(0);
    workspace = dir.resolve("console/workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(cluster)), workspace);
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private Syncer syncer() {
    return new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK);
  }

  private SortedMap<ObjectKey, JsonNode> nodeObjects() {
    return node.server().state().read(v -> {
      SortedMap<ObjectKey, JsonNode> out = new TreeMap<>();
      v.objects().forEach((k, o) -> out.put(k, o.value()));
      return out;
    });
  }

  @Test
  void aLargeClusterGoesIntoAnEmptyNodeWholeAndEqual() throws Exception {
    PushResult r = syncer().push(List.of(TestNodes.client(node)), cluster.clusterId()).get(0);
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(cluster);
    assertThat(split.size()).isGreaterThan(Syncer.BULK_ABOVE);
    assertThat(r.pushed()).isEqualTo(split.size());
    assertThat(r.plan().items()).hasSize(split.size()).allSatisfy(i -> {
      assertThat(i.action()).isEqualTo(PlanItem.Action.PUSH);
      assertThat(i.change()).isEqualTo(PlanItem.Change.ADDED);
    });
    assertThat(nodeObjects()).isEqualTo(split);
    // the node restarted from its store holds the same objects
    node.close();
    node = RunningNode.start(dir.resolve("node"), "127.0.0.1", 0, dev.emcc.node.NodeServer.DEFAULT_BODY_LIMIT, null,
        new TestNodes.Log());
    assertThat(nodeObjects()).isEqualTo(split);
    // and the console sees nothing left to do
    Plan again = syncer().plan(TestNodes.client(node), cluster.clusterId());
    assertThat(again.items()).isEmpty();
    assertThat(again.inSync()).isEqualTo(split.size());
  }

  @Test
  void afterABulkPushADeltaGoesAsUsualAndAConflictShowsThePackedAgreedValue() throws Exception {
    assertThat(syncer().push(List.of(TestNodes.client(node)), cluster.clusterId()).get(0).ok()).isTrue();
    List<Phone> phones = new ArrayList<>(cluster.phones());
    Phone shared = phones.get(1_234);
    // the node changes one phone, the console another and the same one differently
    ClusterState state = node.server().state();
    ObjectKey sharedKey = new ObjectKey("phones", shared.name());
    StoredObject onNode = state.get(sharedKey).orElseThrow();
    JsonNode nodeValue = dev.emcc.format.Json.mapper().valueToTree(shared.withModel("Cisco 7841"));
    state.apply(cluster.clusterId(), List.of(new ClusterState.Change(sharedKey, onNode.revision(), nodeValue)));
    phones.set(1_234, shared.withEnableExtensionMobility(!shared.enableExtensionMobility()));
    phones.set(7, phones.get(7).withModel("Cisco 8851"));
    Cluster edited = cluster.withPhones(phones);
    WorkspaceFormat.write(Workspace.of(List.of(edited)), workspace);

    PushResult r = syncer().push(List.of(TestNodes.client(node)), cluster.clusterId()).get(0);
    assertThat(r.ok()).isTrue();
    assertThat(r.pushed()).isEqualTo(1);
    assertThat(r.conflicts()).hasSize(1);
    PlanItem conflict = r.conflicts().get(0);
    assertThat(conflict.key()).isEqualTo(sharedKey);
    // the agreed value, read back from its pack, is the phone as the bulk push sent it
    assertThat(conflict.base()).isEqualTo(ClusterObjects.split(cluster).get(sharedKey));
    assertThat(nodeObjects().get(new ObjectKey("phones", phones.get(7).name())).get("model").asText())
        .isEqualTo("Cisco 8851");
  }

  @Test
  void aPullAfterABulkPushTakesOnlyTheNodesChange() throws Exception {
    assertThat(syncer().push(List.of(TestNodes.client(node)), cluster.clusterId()).get(0).ok()).isTrue();
    Phone p = cluster.phones().get(99);
    ObjectKey key = new ObjectKey("phones", p.name());
    ClusterState state = node.server().state();
    state.apply(cluster.clusterId(), List.of(new ClusterState.Change(key, state.get(key).orElseThrow().revision(),
        dev.emcc.format.Json.mapper().valueToTree(p.withModel("Cisco 7811")))));
    PullResult pulled = syncer().pull(TestNodes.client(node), cluster.clusterId());
    assertThat(pulled.pulled()).isEqualTo(1);
    Cluster now = WorkspaceFormat.read(workspace).clusters().get(0);
    assertThat(now.phones().get(99).model()).isEqualTo("Cisco 7811");
    assertThat(now.withPhones(cluster.phones())).isEqualTo(cluster);
  }

  @Test
  void aBatchWithOneBadObjectLateInItIsRefusedWholeWithItsPath() throws Exception {
    List<NodeClient.ObjectChange> changes = new ArrayList<>();
    SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(cluster);
    int bad = -1;
    for (Map.Entry<ObjectKey, JsonNode> e : split.entrySet()) {
      JsonNode v = e.getValue();
      if (bad < 0 && changes.size() >= 1_500 && e.getKey().collection().equals("phones")) {
        bad = changes.size(); // a phone late in the batch with a key no phone has
        v = ((com.fasterxml.jackson.databind.node.ObjectNode) v.deepCopy()).put("modle", "Cisco 8865");
      }
      changes.add(new NodeClient.ObjectChange(e.getKey(), 0, v));
    }
    assertThat(bad).isGreaterThanOrEqualTo(1_500);
    NodeClient client = TestNodes.client(node);
    try {
      client.applyChanges(cluster.clusterId(), changes);
      throw new AssertionError("the batch was taken");
    } catch (NodeException e) {
      assertThat(e.getMessage()).contains("$.changes[" + bad + "].value.modle");
    }
    assertThat(node.server().state().clusterId()).isNull();
    assertThat(nodeObjects()).isEmpty();
  }
}
