package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.ClusterState;
import dev.emcc.node.NodeServer;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.WirePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our binary batch ({@link BinaryBatch}, the bulk path of a full push) against a real node: equal
 * objects (also after the node restarts), and a batch that is cut short, damaged, too large, of
 * another model or holding an object the node's checks refuse is refused whole with a clear
 * message, nothing stored. The console's own full push (workspace in memory) goes this way, and
 * a conflict after it shows the agreed value kept in the batch's chunks.
 */
class BinaryBatchTest {
  @TempDir
  Path dir;
  RunningNode node;
  Cluster cluster;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir.resolve("node"), null);
    cluster = WorkspaceGenerator.generate(3_000, 800, 600, 200, 2, 7).clusters().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private SortedMap<ObjectKey, JsonNode> nodeObjects() {
    return node.server().state().read(v -> {
      SortedMap<ObjectKey, JsonNode> out = new TreeMap<>();
      v.objects().forEach((k, o) -> out.put(k, o.value()));
      return out;
    });
  }

  /** Every object of a cluster as a new object of the batch, in key order. */
  private static List<BinaryBatch.Item> items(Cluster c) {
    Map<ObjectKey, LocalObjects.Local> local = LocalObjects.uncached(c);
    List<BinaryBatch.Item> out = new ArrayList<>();
    new TreeMap<>(local).forEach((k, l) -> out.add(new BinaryBatch.Item(k, 0,
        l.record(ClusterObjects.collectionOf(k).orElseThrow().type()))));
    return out;
  }

  private NodeClient.Response post(byte[] body) throws NodeException {
    return TestNodes.client(node).send("POST", WirePaths.CHANGES, body, Map.of("Content-Type", BinaryBatch.CONTENT_TYPE));
  }

  private void assertNothingStored() {
    assertThat(node.server().state().clusterId()).isNull();
    assertThat(nodeObjects()).isEmpty();
  }

  @Test
  void aBinaryBatchStoresEqualObjectsThatSurviveARestart() throws Exception {
    List<BinaryBatch.Item> items = items(cluster);
    NodeClient.BatchResult r = TestNodes.client(node).applyBinary(BinaryBatch.encode(cluster.clusterId(), items),
        items.size());
    SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(cluster);
    // the answer lists only the objects not at the batch's revision: none of a first push
    assertThat(r.revisions()).isEmpty();
    List<Long> revisions = node.server().state().read(v -> v.objects().values().stream().map(o -> o.revision())
        .distinct().toList());
    assertThat(revisions).containsExactly(r.revision());
    assertThat(nodeObjects()).isEqualTo(split);
    node.close();
    node = TestNodes.start(dir.resolve("node"), null);
    assertThat(nodeObjects()).isEqualTo(split);
  }

  @Test
  void aBatchCutShortIsRefusedWholeSayingWhere() throws Exception {
    byte[] body = BinaryBatch.encode(cluster.clusterId(), items(cluster)).body();
    for (int cut : new int[] {body.length - 1, body.length / 2, 20}) {
      NodeClient.Response r = post(Arrays.copyOf(body, cut));
      assertThat(r.status()).as("cut at %d", cut).isEqualTo(400);
      assertThat(r.text()).contains("the binary batch does not read at byte").contains("nothing was stored");
      assertNothingStored();
    }
  }

  @Test
  void aDamagedChunkIsRefusedWholeNamingItsChange() throws Exception {
    BinaryBatch.Encoded good = BinaryBatch.encode(cluster.clusterId(), items(cluster));
    List<byte[]> chunks = new ArrayList<>(good.chunks());
    int damaged = chunks.size() - 2;
    // the chunk's length still says where it ends, but its last object lacks its last bytes
    byte[] c = chunks.get(damaged);
    chunks.set(damaged, Arrays.copyOf(c, c.length - 3));
    NodeClient.Response r = post(new BinaryBatch.Encoded(good.head(), good.keys(), chunks).body());
    assertThat(r.status()).isEqualTo(400);
    int last = (damaged + 1) * BinaryBatch.PER_CHUNK - 1;
    JsonNode error = Json.mapper().readTree(r.body());
    assertThat(error.get("path").asText()).isEqualTo("$.changes[" + last + "]");
    assertThat(error.get("error").asText()).contains(good.keys().get(damaged).get(BinaryBatch.PER_CHUNK - 1).name());
    assertNothingStored();
    // bytes after the last chunk are refused too
    byte[] body = good.body();
    byte[] longer = Arrays.copyOf(body, body.length + 5);
    assertThat(post(longer).status()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void anObjectTheNodesChecksRefuseIsNamedAndNothingIsStored() throws Exception {
    List<BinaryBatch.Item> items = new ArrayList<>(items(cluster));
    int misnamed = -1;
    int tooLong = -1;
    for (int i = 0; i < items.size(); i++) {
      BinaryBatch.Item it = items.get(i);
      if (it.record() instanceof Phone p && i > 1_000 && tooLong < 0) {
        // a device name longer than CUCM's form takes (15 characters)
        tooLong = i;
        String name = "SEP00AABBCC01011";
        items.set(i, new BinaryBatch.Item(new ObjectKey("phones", name), 0, new Phone(name, p.description(), p.model(),
            p.protocol(), p.enableExtensionMobility(), p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(),
            p.geolocation(), p.address())));
      }
    }
    NodeClient.Response r = post(BinaryBatch.encode(cluster.clusterId(), items).body());
    assertThat(r.status()).isEqualTo(400);
    JsonNode error = Json.mapper().readTree(r.body());
    assertThat(error.get("path").asText()).isEqualTo("$.changes[" + tooLong + "].value.name");
    assertThat(error.get("error").asText()).startsWith("phones/SEP00AABBCC01011: ").contains("at most 15");
    assertNothingStored();

    // a phone whose name is not the one its address says
    items = new ArrayList<>(items(cluster));
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).record() instanceof Phone && i > 300) {
        misnamed = i;
        Phone other = (Phone) items.get(i + 1).record();
        items.set(i, new BinaryBatch.Item(items.get(i).key(), 0, other));
        break;
      }
    }
    r = post(BinaryBatch.encode(cluster.clusterId(), items).body());
    assertThat(r.status()).isEqualTo(400);
    error = Json.mapper().readTree(r.body());
    assertThat(error.get("path").asText()).isEqualTo("$.changes[" + misnamed + "].value.name");
    assertThat(error.get("error").asText()).contains("as in its address");
    assertNothingStored();
  }

  @Test
  void aBatchOfAnotherModelIsAnswered415AndATooLargeOne413() throws Exception {
    byte[] body = BinaryBatch.encode(cluster.clusterId(), items(cluster)).body();
    byte[] other = body.clone();
    other[10] ^= 0x55; // inside the model's fingerprint
    NodeClient.Response r = post(other);
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.text()).contains("another model");
    assertNothingStored();
    node.close();
    node = TestNodes.start(dir.resolve("small"), null, 64 * 1024);
    assertThat(body.length).isGreaterThan(64 * 1024);
    assertThat(post(body).status()).isEqualTo(413);
    assertNothingStored();
  }

  @Test
  void theConsolesFullPushGoesBinaryAndAConflictAfterItShowsTheKeptAgreedValue() throws Exception {
    Path base = dir.resolve("console/base.db");
    Workspace[] ws = {Workspace.of(List.of(cluster))};
    LocalWorkspace inMemory = new LocalWorkspace() {
      @Override
      public Workspace load() {
        return ws[0];
      }

      @Override
      public dev.emcc.edit.EditResult save(Workspace next, String summary) {
        ws[0] = next;
        return null; // the push never saves: nothing to report
      }

      @Override
      public Path baseFile() {
        return base;
      }
    };
    Syncer syncer = new Syncer(inMemory, SyncTest.QUICK);
    PushResult r = syncer.push(List.of(TestNodes.client(node)), cluster.clusterId()).get(0);
    assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
    assertThat(nodeObjects()).isEqualTo(ClusterObjects.split(cluster));
    // the base keeps the binary batch's chunks as its packs of agreed values (their first byte 0)
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + base);
        java.sql.ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*), sum(substr(data, 1, 1) = x'00') FROM agreed_pack")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo((ClusterObjects.split(cluster).size() + BinaryBatch.PER_CHUNK - 1)
          / BinaryBatch.PER_CHUNK);
      assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
    }

    List<Phone> phones = new ArrayList<>(cluster.phones());
    Phone shared = phones.get(321);
    ObjectKey key = new ObjectKey("phones", shared.name());
    ClusterState state = node.server().state();
    state.apply(cluster.clusterId(), List.of(new ClusterState.Change(key, state.get(key).orElseThrow().revision(),
        Json.mapper().valueToTree(shared.withModel("Cisco 7841")))));
    phones.set(321, shared.withEnableExtensionMobility(!shared.enableExtensionMobility()));
    ws[0] = Workspace.of(List.of(cluster.withPhones(phones)));
    PushResult again = syncer.push(List.of(TestNodes.client(node)),
        cluster.clusterId()).get(0);
    assertThat(again.ok()).isTrue();
    assertThat(again.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo(key);
      assertThat(c.base()).isEqualTo(ClusterObjects.split(cluster).get(key));
    });
  }

  @Test
  void rowsWrittenAheadAreKeptOnlyWhenTheNodeAnswersWithTheirRevision() throws Exception {
    Path file = dir.resolve("console/ahead.db");
    SyncBase base = SyncBase.load(file);
    List<BinaryBatch.Item> items = items(cluster);
    BinaryBatch.Encoded batch = BinaryBatch.encode(cluster.clusterId(), items);
    Map<ObjectKey, SyncBase.Entry> entries = new java.util.LinkedHashMap<>();
    SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(cluster);
    split.forEach((k, v) -> entries.put(k, new SyncBase.Entry(5, ObjectDigest.of(v), ObjectDigest.of(v))));
    // the node answered with another revision: nothing of it is kept
    SyncBase.Ahead wrong = base.writeAhead("https://n", cluster.clusterId(), 5, entries, SyncBase.keep(batch));
    assertThat(base.commitAhead(wrong, 6)).isFalse();
    assertThat(base.section("https://n", cluster.clusterId()).isEmpty()).isTrue();
    assertThat(rows(file)).isZero();
    // it answered as expected: the rows and their agreed values are kept, also in the file
    SyncBase.Ahead right = base.writeAhead("https://n", cluster.clusterId(), 5, entries, SyncBase.keep(batch));
    assertThat(base.commitAhead(right, 5)).isTrue();
    assertThat(base.section("https://n", cluster.clusterId()).entries()).isEqualTo(entries);
    assertThat(rows(file)).isEqualTo(split.size());
    ObjectKey some = new ArrayList<>(split.keySet()).get(split.size() / 2);
    assertThat(SyncBase.load(file).agreedValues("https://n", cluster.clusterId(), List.of(some)))
        .containsExactly(Map.entry(some, split.get(some)));
  }

  private static int rows(Path file) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM object")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
