package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two clusters, three real nodes on 127.0.0.1 (two for TOKYO, one for OSAKA), workspaces in files. */
class SyncTest {
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));

  @TempDir
  Path dir;
  RunningNode tokyo1;
  RunningNode tokyo2;
  RunningNode osaka;
  Path workspace;

  @BeforeEach
  void start() throws Exception {
    tokyo1 = TestNodes.start(dir.resolve("tokyo1"), null);
    tokyo2 = TestNodes.start(dir.resolve("tokyo2"), null);
    osaka = TestNodes.start(dir.resolve("osaka"), null);
    workspace = dir.resolve("console1/workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 6),
        Fixtures.cluster("OSAKA", "TOKYO", 4))), workspace);
  }

  @AfterEach
  void stop() throws Exception {
    for (RunningNode n : new RunningNode[] {tokyo1, tokyo2, osaka}) {
      if (n != null) {
        n.close();
      }
    }
  }

  static Workspace read(Path file) throws Exception {
    return WorkspaceFormat.read(file);
  }

  static void edit(Path file, String clusterId, String phone, String description) throws Exception {
    Workspace ws = read(file);
    Cluster c = ws.cluster(clusterId).orElseThrow();
    List<Phone> phones = c.phones().stream().map(p -> p.name().equals(phone)
        ? new Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(), p.subscribedServices(),
            p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()) : p).collect(Collectors.toList());
    WorkspaceFormat.write(ws.withCluster(c.withPhones(phones)), file);
  }

  @Test
  void pushFansOutToEveryNodeOfTheClusterAndKeepsClustersApart() throws Exception {
    Syncer syncer = new Syncer(LocalWorkspace.file(workspace), QUICK);
    List<PushResult> tokyo = syncer.push(List.of(TestNodes.client(tokyo1), TestNodes.client(tokyo2)), "TOKYO");
    assertThat(tokyo).hasSize(2).allSatisfy(r -> {
      assertThat(r.ok()).isTrue();
      assertThat(r.pushed()).isEqualTo(r.plan().items().size()).isPositive();
    });
    List<PushResult> os = syncer.push(List.of(TestNodes.client(osaka)), "OSAKA");
    assertThat(os.get(0).ok()).isTrue();
    Workspace local = read(workspace);
    assertThat(tokyo1.server().state().cluster()).isEqualTo(sorted(local.cluster("TOKYO").orElseThrow()));
    assertThat(tokyo2.server().state().cluster()).isEqualTo(sorted(local.cluster("TOKYO").orElseThrow()));
    assertThat(osaka.server().state().cluster().phones()).hasSize(4);
    // a node of another cluster refuses the push: nothing is mixed
    List<PushResult> wrong = syncer.push(List.of(TestNodes.client(osaka)), "TOKYO");
    assertThat(wrong.get(0).ok()).isFalse();
    assertThat(wrong.get(0).error().getMessage()).contains("serves cluster OSAKA");
    // in sync now: nothing more to push
    Plan again = syncer.plan(TestNodes.client(tokyo1), "TOKYO");
    assertThat(again.items()).isEmpty();
    assertThat(again.inSync()).isPositive();
  }

  /** The node returns array elements in key order; the model compares lists in order. */
  static Cluster sorted(Cluster c) {
    return dev.emcc.wire.ClusterObjects.assemble(c.clusterId(), dev.emcc.wire.ClusterObjects.split(c));
  }

  @Test
  void changeThenPlanShowsFieldsThenPushThenPull() throws Exception {
    Syncer syncer = new Syncer(LocalWorkspace.file(workspace), QUICK);
    syncer.push(List.of(TestNodes.client(tokyo1)), "TOKYO");
    String phone = Fixtures.phoneName("TOKYO", 2);
    edit(workspace, "TOKYO", phone, "reception");
    Plan plan = syncer.plan(TestNodes.client(tokyo1), "TOKYO");
    assertThat(plan.items()).singleElement().satisfies(i -> {
      assertThat(i.key()).isEqualTo(new ObjectKey("phones", phone));
      assertThat(i.action()).isEqualTo(PlanItem.Action.PUSH);
      assertThat(i.change()).isEqualTo(PlanItem.Change.CHANGED);
      assertThat(i.fields()).singleElement().satisfies(f -> {
        assertThat(f.field()).isEqualTo("description");
        assertThat(f.local().asText()).isEqualTo("reception");
        assertThat(f.node().asText()).isEqualTo("phone 2");
      });
    });
    PushResult pushed = syncer.push(List.of(TestNodes.client(tokyo1)), "TOKYO").get(0);
    assertThat(pushed.pushed()).isEqualTo(1);
    assertThat(tokyo1.server().state().cluster().phone(phone).orElseThrow().description()).isEqualTo("reception");

    // someone changes the node directly: the plan says pull, the pull brings it here in place
    NodeClient admin = TestNodes.client(tokyo1);
    String other = Fixtures.phoneName("TOKYO", 4);
    NodeClient.Response got = admin.send("GET", "/api/v1/cluster/phones/" + other, null, Map.of());
    String changed = got.text().replace("phone 4", "changed on the node");
    assertThat(admin.send("PUT", "/api/v1/cluster/phones/" + other, changed.getBytes(StandardCharsets.UTF_8),
        Map.of("If-Match", got.etag())).status()).isEqualTo(200);
    assertThat(admin.send("DELETE", "/api/v1/cluster/phones/" + Fixtures.phoneName("TOKYO", 5), null,
        Map.of("If-Match", "\"" + admin.objects().objects().get(new ObjectKey("phones", Fixtures.phoneName("TOKYO", 5)))
            .revision() + "\"")).status()).isEqualTo(200);
    Plan pullPlan = syncer.plan(admin, "TOKYO");
    assertThat(pullPlan.items()).extracting(PlanItem::action).containsOnly(PlanItem.Action.PULL);
    assertThat(pullPlan.items()).extracting(PlanItem::change)
        .containsExactlyInAnyOrder(PlanItem.Change.CHANGED, PlanItem.Change.REMOVED);
    PullResult pulled = syncer.pull(admin, "TOKYO");
    assertThat(pulled.pulled()).isEqualTo(2);
    Cluster local = read(workspace).cluster("TOKYO").orElseThrow();
    assertThat(local.phones()).hasSize(5);
    assertThat(local.phones().get(4).description()).isEqualTo("changed on the node"); // same place as before
    assertThat(syncer.plan(admin, "TOKYO").items()).isEmpty();
  }

  @Test
  void twoConsolesEditingTheSameObjectGetAConflictAndNothingIsLost() throws Exception {
    new Syncer(LocalWorkspace.file(workspace), QUICK).push(List.of(TestNodes.client(tokyo1)), "TOKYO");
    Path second = dir.resolve("console2/workspace.json");
    Syncer console2 = new Syncer(LocalWorkspace.file(second), QUICK);
    console2.pull(TestNodes.client(tokyo1), "TOKYO");
    Syncer console1 = new Syncer(LocalWorkspace.file(workspace), QUICK);
    String phone = Fixtures.phoneName("TOKYO", 1);
    edit(workspace, "TOKYO", phone, "from console 1");
    edit(second, "TOKYO", phone, "from console 2");
    assertThat(console1.push(List.of(TestNodes.client(tokyo1)), "TOKYO").get(0).pushed()).isEqualTo(1);

    Plan plan = console2.plan(TestNodes.client(tokyo1), "TOKYO");
    assertThat(plan.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.key().name()).isEqualTo(phone);
      assertThat(c.local().get("description").asText()).isEqualTo("from console 2");
      assertThat(c.node().get("description").asText()).isEqualTo("from console 1");
      assertThat(c.base().get("description").asText()).isEqualTo("phone 1");
    });
    PushResult r = console2.push(List.of(TestNodes.client(tokyo1)), "TOKYO").get(0);
    assertThat(r.ok()).isTrue();
    assertThat(r.pushed()).isZero();
    assertThat(r.conflicts()).hasSize(1);
    PullResult p = console2.pull(TestNodes.client(tokyo1), "TOKYO");
    assertThat(p.conflicts()).hasSize(1);
    // both values survive: console 1's on the node, console 2's in its workspace
    assertThat(tokyo1.server().state().cluster().phone(phone).orElseThrow().description()).isEqualTo("from console 1");
    assertThat(read(second).cluster("TOKYO").orElseThrow().phone(phone).orElseThrow().description())
        .isEqualTo("from console 2");
    // console 1 changes another phone; console 2 pulls it and still sees the conflict (its base for
    // the conflicting phone is older than the revision it last synced: fetched on its own)
    edit(workspace, "TOKYO", Fixtures.phoneName("TOKYO", 2), "console 1 again");
    console1.push(List.of(TestNodes.client(tokyo1)), "TOKYO");
    PullResult again = console2.pull(TestNodes.client(tokyo1), "TOKYO");
    assertThat(again.pulled()).isEqualTo(1);
    assertThat(again.conflicts()).extracting(c -> c.key().name()).containsExactly(phone);
    assertThat(console2.plan(TestNodes.client(tokyo1), "TOKYO").conflicts()).singleElement()
        .satisfies(c -> assertThat(c.node().get("description").asText()).isEqualTo("from console 1"));
    // console 2 gives in (takes the node's value): the conflict is gone
    edit(second, "TOKYO", phone, "from console 1");
    assertThat(console2.plan(TestNodes.client(tokyo1), "TOKYO").items()).isEmpty();
  }

  @Test
  void aWrongFingerprintIsRefusedWithAClearMessage() throws Exception {
    NodeRef real = TestNodes.ref(tokyo1);
    NodeClient impostor = new NodeClient(new NodeRef(real.url(), osaka.identity().fingerprint(), real.token(), null));
    assertThatThrownBy(impostor::health).isInstanceOfSatisfying(NodeException.class, e -> {
      assertThat(e.kind()).isEqualTo(NodeException.Kind.TRUST);
      assertThat(e.getMessage()).contains("fingerprint").contains(tokyo1.identity().fingerprint())
          .contains(osaka.identity().fingerprint());
    });
    // and a push through it sends nothing
    PushResult r = new Syncer(LocalWorkspace.file(workspace), QUICK).push(List.of(impostor), "TOKYO").get(0);
    assertThat(r.ok()).isFalse();
    assertThat(r.attempts()).as("another try would meet the same certificate").isEqualTo(1);
    assertThat(r.notRetried()).isTrue();
    assertThat(tokyo1.server().state().clusterId()).isNull();
  }

  @Test
  void transientFailuresAreRetriedAndThenReported() throws Exception {
    NodeRef ref = TestNodes.ref(tokyo2);
    tokyo2.close();
    PushResult r = new Syncer(LocalWorkspace.file(workspace), QUICK)
        .push(List.of(new NodeClient(ref), TestNodes.client(tokyo1)), "TOKYO").get(0);
    assertThat(r.ok()).isFalse();
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(r.error().kind()).isEqualTo(NodeException.Kind.UNREACHABLE);
    assertThat(r.error().retry()).isEqualTo(NodeException.Retry.CONNECTION_REFUSED);
    assertThat(r.retriedAfter()).hasSize(2).allSatisfy(e -> assertThat(e.retry())
        .isEqualTo(NodeException.Retry.CONNECTION_REFUSED));
    assertThat(r.error().getMessage()).contains(ref.url());
    // the other node of the cluster got its push all the same
    assertThat(tokyo1.server().state().cluster().phones()).hasSize(6);
    tokyo2 = null;
  }

  private static java.util.Optional<SyncBase.Synced> synced(Path base, String node, String clusterId) throws Exception {
    return SyncBase.syncs(base).stream().filter(x -> x.node().equals(node) && x.clusterId().equals(clusterId)).findFirst();
  }

  @Test
  void aSyncRecordsWhenItHappenedPerNode() throws Exception {
    Path base = SyncBase.fileFor(workspace);
    String url1 = TestNodes.ref(tokyo1).url();
    String url2 = TestNodes.ref(tokyo2).url();
    assertThat(SyncBase.syncs(base)).isEmpty();
    java.time.Instant before = java.time.Instant.now().minusMillis(1);
    List<PushResult> pushed = new Syncer(LocalWorkspace.file(workspace), QUICK).push(List.of(TestNodes.client(tokyo1)), "TOKYO");
    java.time.Instant after = java.time.Instant.now().plusMillis(1);
    SyncBase.Synced s = synced(base, url1, "TOKYO").orElseThrow();
    assertThat(s.at()).isBetween(before, after);
    assertThat(s.seenRevision()).isEqualTo(pushed.get(0).revision());
    assertThat(synced(base, url2, "TOKYO")).isEmpty();
    assertThat(synced(base, url1, "OSAKA")).isEmpty();
  }

  @Test
  void aBaseFileFromBeforeTheSyncTimeGetsItsColumn() throws Exception {
    Path file = dir.resolve("old/workspace.json.sync.db");
    java.nio.file.Files.createDirectories(file.getParent());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      st.executeUpdate("CREATE TABLE section (node TEXT NOT NULL, cluster_id TEXT NOT NULL,"
          + " seen_revision INTEGER NOT NULL, PRIMARY KEY (node, cluster_id))");
      st.executeUpdate("CREATE TABLE object (node TEXT NOT NULL, cluster_id TEXT NOT NULL,"
          + " collection TEXT NOT NULL, name TEXT NOT NULL, node_revision INTEGER NOT NULL, node_digest BLOB,"
          + " agreed_digest BLOB, agreed_json TEXT, PRIMARY KEY (node, cluster_id, collection, name))");
      st.executeUpdate("INSERT INTO meta (key, value) VALUES ('formatVersion', 2), ('generation', 0)");
      st.executeUpdate("INSERT INTO section (node, cluster_id, seen_revision) VALUES ('https://a:1', 'TOKYO', 7)");
    }
    assertThat(SyncBase.syncs(file)).containsExactly(new SyncBase.Synced("https://a:1", "TOKYO", 7, null));
    SyncBase base = SyncBase.load(file);
    assertThat(base.section("https://a:1", "TOKYO").seenRevision()).isEqualTo(7);
    base.update("https://a:1", "TOKYO", 8, Map.of(), Map.of());
    assertThat(synced(file, "https://a:1", "TOKYO").orElseThrow().at()).isNotNull();
    assertThat(synced(file, "https://a:1", "TOKYO").orElseThrow().seenRevision()).isEqualTo(8);
  }
}
