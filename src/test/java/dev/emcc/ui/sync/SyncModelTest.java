package dev.emcc.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.sync.FieldDiff;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.Plan;
import dev.emcc.sync.PlanItem;
import dev.emcc.sync.PullResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.Syncer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sync window's model without a screen, against a real node on 127.0.0.1: trust on first use,
 * plan, push, pull, the conflicts kept either way (one field of the node's), an unreachable node.
 */
class SyncModelTest {
  static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50));

  @TempDir
  Path dir;
  RunningNode tokyo;
  Path workspace;
  SyncModel model;
  final List<SyncModel.NodeStatus> heard = new CopyOnWriteArrayList<>();
  final SyncModel.Listener listener = heard::add;

  @BeforeEach
  void start() throws Exception {
    tokyo = TestNodes.start(dir.resolve("tokyo"), null);
    workspace = dir.resolve("console/workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 4))), workspace);
    model = new SyncModel(new SyncPaths(dir.resolve("console/nodes.json"), dir.resolve("console/sync.db")), QUICK);
  }

  @AfterEach
  void stop() throws Exception {
    if (tokyo != null) {
      tokyo.close();
    }
  }

  private LocalWorkspace local() {
    return new LocalWorkspace() {
      private final LocalWorkspace file = LocalWorkspace.file(workspace);

      @Override
      public Workspace load() throws java.io.IOException, dev.emcc.format.DocumentException {
        return file.load();
      }

      @Override
      public dev.emcc.edit.EditResult save(Workspace ws, String summary) throws java.io.IOException {
        return file.save(ws, summary);
      }

      @Override
      public Path baseFile() {
        return model.paths().baseFile(); // the console's base, as the view's ModelWorkspace gives it
      }
    };
  }

  private String url() {
    return "https://127.0.0.1:" + tokyo.port();
  }

  private void register() throws Exception {
    model.show("TOKYO");
    model.contact(url());
    model.trust(tokyo.identity().token(), null);
  }

  private Phone phone(Cluster c, int i) {
    return c.phone(Fixtures.phoneName("TOKYO", i)).orElseThrow();
  }

  private void editPhone(Path file, int i, UnaryOperator<Phone> change) throws Exception {
    Workspace ws = WorkspaceFormat.read(file);
    Cluster c = ws.cluster("TOKYO").orElseThrow();
    String name = Fixtures.phoneName("TOKYO", i);
    WorkspaceFormat.write(ws.withCluster(c.withPhones(c.phones().stream()
        .map(p -> p.name().equals(name) ? change.apply(p) : p).toList())), file);
  }

  private static Phone described(Phone p, String description) {
    return new Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address());
  }

  private static Phone addressed(Phone p, String address) {
    return new Phone(p.name(), p.description(), p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), address);
  }

  @Test
  void aNodeIsRegisteredOnlyOnceItsFingerprintIsConfirmedAndItsTokenWorks() throws Exception {
    assertThat(model.show("TOKYO")).isEmpty();
    assertThatThrownBy(() -> model.trust(tokyo.identity().token(), null)).isInstanceOf(IllegalStateException.class);

    SyncModel.Offer offer = model.contact(url() + "/");
    assertThat(offer.url()).isEqualTo(url());
    assertThat(offer.fingerprint()).isEqualTo(tokyo.identity().fingerprint());
    assertThat(offer.changed()).isFalse();
    assertThat(model.offer()).isEqualTo(offer);
    // shown, not trusted: nothing is registered yet
    assertThat(NodesFile.load(model.paths().nodesFile()).nodes()).isEmpty();

    // a wrong token is refused before anything is recorded
    assertThatThrownBy(() -> model.trust("not-the-token", null)).hasMessageContaining("401");
    assertThat(NodesFile.load(model.paths().nodesFile()).nodes()).isEmpty();

    assertThat(SyncModel.tokenGiven(" ", "")).isFalse();
    assertThat(SyncModel.tokenGiven(null, "token.txt")).isTrue();
    NodeRef ref = model.trust(" " + tokyo.identity().token() + " ", null);
    assertThat(ref.fingerprint()).isEqualTo(tokyo.identity().fingerprint());
    assertThat(ref.clusterId()).isEqualTo("TOKYO"); // the node holds none yet: the cluster shown
    assertThat(model.offer()).isNull();
    assertThat(model.nodes()).singleElement().satisfies(n -> {
      assertThat(n.ref().url()).isEqualTo(url());
      assertThat(n.lastSync()).isEqualTo(SyncModel.Say.of("sync.never"));
      assertThat(n.reachable()).isNull();
    });
    assertThat(model.show("OSAKA")).isEmpty();
  }

  @Test
  void aFingerprintOtherThanThePinnedOneIsNotOffered() throws Exception {
    NodeRef real = TestNodes.ref(tokyo);
    String other = "AB:" + real.fingerprint().substring(3);
    NodesFile file = NodesFile.load(model.paths().nodesFile());
    file.add(new NodeRef(real.url(), other, real.token(), "TOKYO"));
    file.save();
    SyncModel.Offer offer = model.contact(real.url());
    assertThat(offer.changed()).isTrue();
    assertThat(offer.pinnedBefore()).isEqualTo(other);
    assertThat(offer.fingerprint()).isEqualTo(tokyo.identity().fingerprint());
    assertThat(model.offer()).isNull();
  }

  @Test
  void planPushAndPullSayPerNodeWhatTheyDid() throws Exception {
    register();
    SyncModel.Plans first = model.plan(local(), true, listener);
    assertThat(first.errors()).isEmpty();
    assertThat(first.plans()).singleElement().satisfies(p -> {
      assertThat(p.items(PlanItem.Action.PUSH)).isNotEmpty();
      assertThat(p.conflicts()).isEmpty();
    });
    assertThat(model.plans()).isEqualTo(first);
    assertThat(heard).extracting(n -> n.state().key()).containsExactly("sync.planning", "sync.planSummary");
    assertThat(model.nodes().get(0).state()).isEqualTo(SyncModel.summary(first.plans().get(0)));

    heard.clear();
    assertThat(model.push(local(), listener)).isEqualTo(1);
    long revision = tokyo.server().state().revision();
    assertThat(model.nodes()).singleElement().satisfies(n -> {
      assertThat(n.reachable()).isTrue();
      assertThat(n.revision()).isEqualTo(revision);
      assertThat(n.state().key()).isEqualTo("sync.pushed");
      assertThat(n.lastSync().key()).isEqualTo("sync.lastSyncAt");
      assertThat(n.lastSync().args().get(1)).isEqualTo(revision);
    });
    assertThat(heard).extracting(n -> n.state().key()).containsExactly("sync.pushing", "sync.pushed");
    assertThat(tokyo.server().state().cluster().phones()).hasSize(4);
    // after the push, a plan leaves the rows saying what the push did
    assertThat(model.plan(local(), false, listener).plans().get(0).items()).isEmpty();
    assertThat(model.nodes().get(0).state().key()).isEqualTo("sync.pushed");
    // a node shown again says when it was last synced
    assertThat(model.show("TOKYO").get(0).lastSync()).isEqualTo(SyncModel.Say.of("sync.atRevision", revision));

    // another console changes a phone on the node; this one pulls it
    Path second = dir.resolve("console2/workspace.json");
    Syncer console2 = new Syncer(LocalWorkspace.file(second), QUICK);
    console2.pull(TestNodes.client(tokyo), "TOKYO");
    editPhone(second, 2, p -> described(p, "changed elsewhere"));
    assertThat(console2.push(List.of(TestNodes.client(tokyo)), "TOKYO").get(0).pushed()).isEqualTo(1);
    heard.clear();
    PullResult pulled = model.pull(local(), listener);
    assertThat(pulled.pulled()).isEqualTo(1);
    assertThat(phone(WorkspaceFormat.read(workspace).cluster("TOKYO").orElseThrow(), 2).description())
        .isEqualTo("changed elsewhere");
    assertThat(heard).extracting(n -> n.state().key()).containsExactly("sync.pulling", "sync.pulled");
  }

  @Test
  void aConflictKeepsTheNodesFieldOrOurObject() throws Exception {
    register();
    model.push(local(), listener);
    Path second = dir.resolve("console2/workspace.json");
    Syncer console2 = new Syncer(LocalWorkspace.file(second), QUICK);
    console2.pull(TestNodes.client(tokyo), "TOKYO");
    editPhone(second, 1, p -> described(p, "from console 2"));
    console2.push(List.of(TestNodes.client(tokyo)), "TOKYO");
    // ours: another description and another address
    editPhone(workspace, 1, p -> addressed(described(p, "from console 1"), "10.9.9.9"));

    Plan plan = model.plan(local(), true, listener).plans().get(0);
    PlanItem conflict = plan.conflicts().get(0);
    assertThat(conflict.fields()).extracting(FieldDiff::field).contains("description", "address");
    FieldDiff description = conflict.fields().stream().filter(f -> f.field().equals("description")).findFirst()
        .orElseThrow();
    Cluster ours = WorkspaceFormat.read(workspace).cluster("TOKYO").orElseThrow();

    // the node's description only: our address stays
    Cluster merged = SyncModel.keepNode(ours, plan, conflict, description);
    assertThat(phone(merged, 1).description()).isEqualTo("from console 2");
    assertThat(phone(merged, 1).address()).isEqualTo("10.9.9.9");
    // the node's whole object
    Cluster theirs = SyncModel.keepNode(ours, plan, conflict, null);
    assertThat(phone(theirs, 1)).isEqualTo(phone(tokyo.server().state().cluster(), 1));
    // ours: the node's object becomes the last-synced state, so the next plan pushes ours
    model.keepLocal(plan, conflict);
    Plan next = model.plan(local(), true, listener).plans().get(0);
    assertThat(next.conflicts()).isEmpty();
    assertThat(next.items(PlanItem.Action.PUSH)).extracting(i -> i.key().name())
        .containsExactly(Fixtures.phoneName("TOKYO", 1));
  }

  @Test
  void aFieldTheNodeDoesNotHaveIsRemovedFromOurs() {
    ObjectNode local = JsonNodeFactory.instance.objectNode().put("name", "SEP1").put("description", "ours");
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", "SEP1");
    PlanItem conflict = new PlanItem(new dev.emcc.wire.ObjectKey("phones", "SEP1"), PlanItem.Action.CONFLICT,
        PlanItem.Change.CHANGED, List.of(new FieldDiff("description", local.get("description"), null)), local, node,
        null, 3);
    PlanItem taken = SyncModel.takeField(conflict, conflict.fields().get(0));
    assertThat(taken.node()).isEqualTo(node);
    assertThat(taken.local()).isEqualTo(local); // ours is not changed in place
  }

  @Test
  void aNodeThatDoesNotAnswerIsMarkedUnreachable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    NodeRef real = TestNodes.ref(tokyo);
    NodesFile file = NodesFile.load(model.paths().nodesFile());
    file.add(new NodeRef("https://127.0.0.1:" + closed, real.fingerprint(), real.token(), "TOKYO"));
    file.add(real.clusterId() == null ? new NodeRef(real.url(), real.fingerprint(), real.token(), "TOKYO") : real);
    file.save();
    model.show("TOKYO");
    model.refresh(listener);
    assertThat(model.nodes()).hasSize(2);
    SyncModel.NodeStatus gone = model.nodes().get(0);
    assertThat(gone.reachable()).isFalse();
    assertThat(gone.state().isVerbatim()).isTrue();
    assertThat(gone.state().args().get(0).toString()).contains("127.0.0.1:" + closed);
    SyncModel.NodeStatus up = model.nodes().get(1);
    assertThat(up.reachable()).isTrue();
    assertThat(up.revision()).isEqualTo(tokyo.server().state().revision());
    assertThat(up.state().key()).isEqualTo("sync.healthy");
    model.remove(gone.ref().url());
    assertThat(model.nodes()).extracting(n -> n.ref().url()).containsExactly(real.url());
  }
}
