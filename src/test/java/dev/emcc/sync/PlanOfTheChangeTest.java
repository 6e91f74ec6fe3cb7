package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push from a file compares only what changed since the last push (the file's changed elements,
 * the node's listed changes and what was left unsynced), and plans exactly what comparing every
 * object plans ({@link Syncer#plan}, which reads the file whole and compares all).
 */
class PlanOfTheChangeTest {
  static final String ID = "TOKYO";
  static final int PHONES = 80;

  @TempDir
  Path dir;
  RunningNode node;
  Path workspace;
  Syncer console;
  int objects;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir.resolve("node"), null);
    workspace = dir.resolve("console/workspace.json");
    Cluster c = Fixtures.cluster(ID, "OSAKA", PHONES);
    objects = ClusterObjects.split(c).size();
    WorkspaceFormat.write(Workspace.of(List.of(c)), workspace);
    console = new Syncer(LocalWorkspace.file(workspace), SyncTest.QUICK);
    assertThat(push().ok()).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  PushResult push() throws Exception {
    return console.push(List.of(TestNodes.client(node)), ID).get(0);
  }

  /** The push's plan is the full comparison's, and it compared only a few objects. */
  PushResult pushComparingFew() throws Exception {
    Plan full = console.plan(TestNodes.client(node), ID);
    PushResult r = push();
    assertThat(r.plan()).isEqualTo(full);
    assertThat(console.lastCompared()).isLessThan(objects / 2);
    return r;
  }

  @Test
  void theNodesChangeToAnObjectTheFileDidNotChangeIsPlannedUntilPulled() throws Exception {
    String nodeSide = Fixtures.phoneName(ID, 3);
    editOnNode(nodeSide, "changed on the node");
    SyncTest.edit(workspace, ID, Fixtures.phoneName(ID, 5), "changed in the file");
    PushResult r = pushComparingFew();
    assertThat(r.pushed()).isEqualTo(1);
    assertThat(r.plan().items()).extracting(i -> i.key().name() + " " + i.action()).containsExactly(
        nodeSide + " PULL", Fixtures.phoneName(ID, 5) + " PUSH");
    // the node lists its change once; the next pushes still see it (kept as unsynced)
    PushResult again = pushComparingFew();
    assertThat(again.pushed()).isZero();
    assertThat(again.plan().items()).extracting(i -> i.key().name() + " " + i.action())
        .containsExactly(nodeSide + " PULL");
    assertThat(console.pull(TestNodes.client(node), ID).pulled()).isEqualTo(1);
    // a pull rewrites the file: the next push compares everything once, then only the change again
    assertThat(push().plan().items()).isEmpty();
    assertThat(console.lastCompared()).isEqualTo(objects);
    SyncTest.edit(workspace, ID, Fixtures.phoneName(ID, 9), "after the pull");
    assertThat(pushComparingFew().pushed()).isEqualTo(1);
  }

  @Test
  void anObjectDeletedInTheFileIsRemovedFromTheNode() throws Exception {
    String gone = Fixtures.phoneName(ID, 7);
    Cluster c = SyncTest.read(workspace).cluster(ID).orElseThrow();
    writeCluster(c.withPhones(c.phones().stream().filter(p -> !p.name().equals(gone)).toList()));
    PushResult r = pushComparingFew();
    assertThat(r.plan().items()).extracting(i -> i.key().name() + " " + i.action() + " " + i.change())
        .containsExactly(gone + " PUSH REMOVED");
    assertThat(node.server().state().get(new ObjectKey("phones", gone))).isEmpty();
    assertThat(pushComparingFew().plan().items()).isEmpty();
  }

  @Test
  void aConflictWithTheNodesOwnChangeIsFoundAndKept() throws Exception {
    String both = Fixtures.phoneName(ID, 11);
    editOnNode(both, "the node's");
    SyncTest.edit(workspace, ID, both, "the console's");
    PushResult r = pushComparingFew();
    assertThat(r.conflicts()).extracting(i -> i.key().name()).containsExactly(both);
    assertThat(r.pushed()).isZero();
    assertThat(pushComparingFew().conflicts()).extracting(i -> i.key().name()).containsExactly(both);
    assertThat(node.server().state().get(new ObjectKey("phones", both)).orElseThrow().value().get("description")
        .asText()).isEqualTo("the node's");
  }

  @Test
  void aPushFromTheDatabaseComparesOnlyTheRowsThatChanged() throws Exception {
    Path db = dir.resolve("console/workspace.db");
    Cluster c = SyncTest.read(workspace).cluster(ID).orElseThrow();
    save(db, c);
    Syncer fromDb = new Syncer(LocalWorkspace.database(db), SyncTest.QUICK);
    assertThat(fromDb.push(List.of(TestNodes.client(node)), ID).get(0).pushed()).isZero();
    List<Phone> phones = new ArrayList<>(c.phones());
    phones.set(4, described(phones.get(4), "in the database"));
    phones.remove(6);
    save(db, c.withPhones(phones));
    editOnNode(Fixtures.phoneName(ID, 8), "on the node");
    Plan full = fromDb.plan(TestNodes.client(node), ID);
    PushResult r = fromDb.push(List.of(TestNodes.client(node)), ID).get(0);
    assertThat(r.plan()).isEqualTo(full);
    assertThat(fromDb.lastCompared()).isLessThan(objects / 2);
    assertThat(r.plan().items()).extracting(i -> i.key().name() + " " + i.action() + " " + i.change())
        .containsExactly(Fixtures.phoneName(ID, 4) + " PUSH CHANGED", Fixtures.phoneName(ID, 6) + " PUSH REMOVED",
            Fixtures.phoneName(ID, 8) + " PULL CHANGED");
  }

  static void save(Path db, Cluster c) throws Exception {
    try (dev.emcc.edit.EditService edits = dev.emcc.edit.EditService.database(db)) {
      edits.apply(dev.emcc.edit.Proposal.of(Workspace.of(List.of(c)),
          new dev.emcc.edit.Origin(dev.emcc.edit.Origin.Kind.IMPORT, "test")));
    }
  }

  /** Random edits on both sides, round after round: every push plans what the full comparison plans. */
  @Test
  void theChangesPlanIsTheFullComparisonsOnRandomEdits() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Random rnd = new Random(seed);
      for (int round = 0; round < 6; round++) {
        Cluster c = SyncTest.read(workspace).cluster(ID).orElseThrow();
        List<Phone> phones = new ArrayList<>(c.phones());
        int localOps = rnd.nextInt(4);
        for (int op = 0; op < localOps; op++) {
          int at = rnd.nextInt(phones.size());
          Phone p = phones.get(at);
          switch (rnd.nextInt(5)) {
            case 0 -> phones.set(at, described(p, "file " + seed + "/" + round + "/" + op));
            case 1 -> phones.remove(at);
            case 2 -> phones.add(rnd.nextInt(phones.size() + 1), new Phone("SEPNEW" + seed + round + op,
                "added", p.model(), p.protocol(), p.enableExtensionMobility(), p.subscribedServices(),
                p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
            case 3 -> phones.add(rnd.nextInt(phones.size()), phones.remove(at)); // moved
            default -> c = c.withMaxPhones(1000 + rnd.nextInt(1000)); // one of the cluster's own fields
          }
        }
        writeCluster(c.withPhones(phones));
        int nodeOps = rnd.nextInt(3);
        for (int op = 0; op < nodeOps; op++) {
          String name = phones.get(rnd.nextInt(phones.size())).name();
          if (node.server().state().get(new ObjectKey("phones", name)).isEmpty()) {
            continue; // added in the file, not pushed yet
          }
          if (rnd.nextBoolean()) {
            editOnNode(name, "node " + seed + "/" + round + "/" + op);
          } else {
            deleteOnNode(name);
          }
        }
        PushResult r = pushComparingFew();
        assertThat(r.ok()).as(String.valueOf(r)).isTrue();
      }
    }
  }

  void writeCluster(Cluster c) throws Exception {
    WorkspaceFormat.write(SyncTest.read(workspace).withCluster(c), workspace);
  }

  static Phone described(Phone p, String description) {
    return new Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address());
  }

  void editOnNode(String phone, String description) throws Exception {
    ClusterState state = node.server().state();
    ObjectKey k = new ObjectKey("phones", phone);
    StoredObject o = state.get(k).orElseThrow();
    JsonNode edited = ((ObjectNode) o.value().deepCopy()).put("description", description);
    state.apply(ID, List.of(new ClusterState.Change(k, o.revision(), edited)));
  }

  void deleteOnNode(String phone) throws Exception {
    ClusterState state = node.server().state();
    ObjectKey k = new ObjectKey("phones", phone);
    state.apply(ID, List.of(new ClusterState.Change(k, state.get(k).orElseThrow().revision(), null)));
  }
}
