package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.ClusterState;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delta path of a sync: objects recognised by digest, the node listing only what changed
 * since the revision last seen (deletions included), the base recorded row by row, and the first
 * format's base migrated.
 */
class DeltaSyncTest {
  @TempDir
  Path dir;
  RunningNode node;
  Path workspace;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir.resolve("node"), null);
    workspace = dir.resolve("console/workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 6))), workspace);
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void localObjectsAreTheClusterSplitWithTheirDigests() {
    Workspace generated = WorkspaceGenerator.generate(40, 40, 20, 10, 2, 3);
    for (Cluster c : List.of(Fixtures.cluster("TOKYO", "OSAKA", 6), generated.clusters().get(0))) {
      SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(c);
      Map<ObjectKey, LocalObjects.Local> first = LocalObjects.of(c);
      // the second call reuses the digests of the same record instances
      Map<ObjectKey, LocalObjects.Local> second = LocalObjects.of(c);
      assertThat(first.keySet()).isEqualTo(split.keySet());
      split.forEach((k, v) -> {
        assertThat(first.get(k).value()).as(k.toString()).isEqualTo(v);
        assertThat(first.get(k).digest()).as(k.toString()).isEqualTo(ObjectDigest.of(v));
        assertThat(second.get(k).digest()).as(k.toString()).isEqualTo(ObjectDigest.of(v));
        assertThat(second.get(k).value()).as(k.toString()).isEqualTo(v);
      });
    }
  }

  @Test
  void theNodeListsOnlyWhatChangedSinceARevisionDeletionsIncluded() throws Exception {
    new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK).push(List.of(TestNodes.client(node)), "TOKYO");
    NodeClient client = TestNodes.client(node);
    ClusterState state = node.server().state();
    long seen = state.revision();
    assertThat(client.changes(seen).complete()).isTrue();
    assertThat(client.changes(seen).objects()).isEmpty();
    assertThat(client.changes(seen).deleted()).isEmpty();

    ObjectKey gone = new ObjectKey("phones", Fixtures.phoneName("TOKYO", 1));
    ObjectKey changed = new ObjectKey("phones", Fixtures.phoneName("TOKYO", 2));
    state.apply("TOKYO", List.of(new ClusterState.Change(gone, state.get(gone).orElseThrow().revision(), null)));
    JsonNode edited = ((ObjectNode) state.get(changed).orElseThrow().value().deepCopy()).put("description", "lobby");
    state.apply("TOKYO", List.of(new ClusterState.Change(changed, state.get(changed).orElseThrow().revision(), edited)));

    NodeClient.RemoteChanges delta = client.changes(seen);
    assertThat(delta.complete()).isTrue();
    assertThat(delta.revision()).isEqualTo(state.revision());
    assertThat(delta.objects()).containsOnlyKeys(changed);
    assertThat(delta.objects().get(changed).value().get("description").asText()).isEqualTo("lobby");
    assertThat(delta.deleted()).containsOnlyKeys(gone);
    // a revision the node never had, or one from before it started: the whole list, with values
    NodeClient.RemoteChanges unknown = client.changes(state.revision() + 5);
    assertThat(unknown.complete()).isFalse();
    assertThat(unknown.objects()).hasSize(ClusterObjects.split(state.cluster()).size());
    assertThat(unknown.objects().values()).allSatisfy(o -> assertThat(o.value()).isNotNull());
    node.close();
    node = RunningNode.start(dir.resolve("node"), "127.0.0.1", 0, dev.emcc.node.NodeServer.DEFAULT_BODY_LIMIT, null,
        new TestNodes.Log());
    assertThat(TestNodes.client(node).changes(seen).complete()).isFalse();
  }

  @Test
  void aDeltaSyncSeesTheNodesDeletionsAndChangesAndPullsThem() throws Exception {
    Syncer console = new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK);
    assertThat(console.push(List.of(TestNodes.client(node)), "TOKYO").get(0).ok()).isTrue();
    // another console deletes one phone and changes another on the node
    Path other = dir.resolve("other/workspace.json");
    Cluster c = SyncTest.read(workspace).cluster("TOKYO").orElseThrow();
    WorkspaceFormat.write(Workspace.of(List.of(c)), other);
    Syncer second = new Syncer(LocalWorkspace.file(other), SyncTest.QUICK);
    assertThat(second.push(List.of(TestNodes.client(node)), "TOKYO").get(0).pushed()).isZero();
    String deleted = Fixtures.phoneName("TOKYO", 1);
    List<Phone> phones = c.phones().stream().filter(p -> !p.name().equals(deleted)).toList();
    WorkspaceFormat.write(Workspace.of(List.of(c.withPhones(phones))), other);
    SyncTest.edit(other, "TOKYO", Fixtures.phoneName("TOKYO", 2), "lobby");
    PushResult r = second.push(List.of(TestNodes.client(node)), "TOKYO").get(0);
    assertThat(r.ok()).isTrue();
    assertThat(r.pushed()).isEqualTo(2);

    // the first console also changed a third phone meanwhile
    SyncTest.edit(workspace, "TOKYO", Fixtures.phoneName("TOKYO", 3), "hall");
    Plan plan = console.plan(TestNodes.client(node), "TOKYO");
    assertThat(plan.items()).extracting(i -> i.key().name() + " " + i.action() + " " + i.change()).containsExactly(
        deleted + " PULL REMOVED", Fixtures.phoneName("TOKYO", 2) + " PULL CHANGED",
        Fixtures.phoneName("TOKYO", 3) + " PUSH CHANGED");
    PullResult pulled = console.pull(TestNodes.client(node), "TOKYO");
    assertThat(pulled.pulled()).isEqualTo(2);
    PushResult pushed = console.push(List.of(TestNodes.client(node)), "TOKYO").get(0);
    assertThat(pushed.pushed()).isEqualTo(1);
    assertThat(console.plan(TestNodes.client(node), "TOKYO").items()).isEmpty();
    assertThat(second.plan(TestNodes.client(node), "TOKYO").items()).extracting(PlanItem::action)
        .containsExactly(PlanItem.Action.PULL);
    Cluster local = SyncTest.read(workspace).cluster("TOKYO").orElseThrow();
    assertThat(local.phones()).extracting(Phone::name).doesNotContain(deleted);
    assertThat(node.server().state().cluster()).isEqualTo(SyncTest.sorted(local));
  }

  @Test
  void aNodeThatRestartedIsListedWholeOnceAndTheDeltaGoesOn() throws Exception {
    Syncer console = new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK);
    console.push(List.of(TestNodes.client(node)), "TOKYO");
    int port = node.port();
    node.close();
    // the same address: the console keeps what it knows of a node by its URL
    node = RunningNode.start(dir.resolve("node"), "127.0.0.1", port, dev.emcc.node.NodeServer.DEFAULT_BODY_LIMIT, null,
        new TestNodes.Log());
    SyncTest.edit(workspace, "TOKYO", Fixtures.phoneName("TOKYO", 4), "after restart");
    PushResult r = console.push(List.of(TestNodes.client(node)), "TOKYO").get(0);
    assertThat(r.ok()).as(String.valueOf(r)).isTrue();
    assertThat(r.pushed()).as(String.valueOf(r.plan())).isEqualTo(1);
    assertThat(console.plan(TestNodes.client(node), "TOKYO").items()).isEmpty();
    SyncTest.edit(workspace, "TOKYO", Fixtures.phoneName("TOKYO", 4), "again");
    assertThat(console.push(List.of(TestNodes.client(node)), "TOKYO").get(0).pushed()).isEqualTo(1);
    assertThat(node.server().state().get(new ObjectKey("phones", Fixtures.phoneName("TOKYO", 4))).orElseThrow()
        .value().get("description").asText()).isEqualTo("again");
  }

  @Test
  void aBaseOfTheFirstFormatIsMigratedWithoutLosingTheSyncState() throws Exception {
    Syncer console = new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK);
    console.push(List.of(TestNodes.client(node)), "TOKYO");
    // the first format: every agreed object's JSON and node revision, in NAME.sync.json
    Path db = SyncBase.fileFor(workspace);
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
    Path legacy = workspace.resolveSibling("workspace.json.sync.json");
    ObjectNode root = Json.mapper().createObjectNode().put("formatVersion", 1);
    ObjectNode section = root.putArray("sections").addObject();
    section.put("node", TestNodes.ref(node).url()).put("clusterId", "TOKYO");
    ArrayNode objects = section.putArray("objects");
    node.server().state().read(v -> {
      for (Map.Entry<ObjectKey, StoredObject> e : v.objects().entrySet()) {
        objects.addObject().put("collection", e.getKey().collection()).put("name", e.getKey().name())
            .put("revision", e.getValue().revision()).set("value", e.getValue().value());
      }
      return null;
    });
    Json.mapper().writeValue(legacy.toFile(), root);

    // both sides change something: the migrated base still tells who changed what
    SyncTest.edit(workspace, "TOKYO", Fixtures.phoneName("TOKYO", 5), "console side");
    ClusterState state = node.server().state();
    ObjectKey nodeSide = new ObjectKey("phones", Fixtures.phoneName("TOKYO", 4));
    JsonNode edited = ((ObjectNode) state.get(nodeSide).orElseThrow().value().deepCopy()).put("description", "node side");
    state.apply("TOKYO", List.of(new ClusterState.Change(nodeSide, state.get(nodeSide).orElseThrow().revision(), edited)));

    Plan plan = console.plan(TestNodes.client(node), "TOKYO");
    assertThat(plan.items()).extracting(i -> i.key().name() + " " + i.action()).containsExactly(
        Fixtures.phoneName("TOKYO", 4) + " PULL", Fixtures.phoneName("TOKYO", 5) + " PUSH");
    assertThat(plan.items().get(1).base().get("description").asText()).isEqualTo("phone 5");
    assertThat(db).exists();
    assertThat(legacy).doesNotExist();
    assertThat(legacy.resolveSibling("workspace.json.sync.json.migrated")).exists();
    assertThat(console.push(List.of(TestNodes.client(node)), "TOKYO").get(0).pushed()).isEqualTo(1);
    assertThat(console.pull(TestNodes.client(node), "TOKYO").pulled()).isEqualTo(1);
    assertThat(console.plan(TestNodes.client(node), "TOKYO").items()).isEmpty();
  }
}
