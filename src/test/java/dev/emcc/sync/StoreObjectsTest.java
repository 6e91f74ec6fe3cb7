package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's database as objects for a push, reading only the rows whose stored JSON the
 * base's index does not know: the same objects and digests as loading the whole workspace.
 */
class StoreObjectsTest {
  @TempDir
  Path dir;

  private final Workspace ws = WorkspaceGenerator.generate(600, 300, 200, 50, 2, 9);


  @Test
  void onlyTheRowsThatChangedAreReadAgainAlsoWhenChangedBehindTheStore() throws Exception {
    Path db = dir.resolve("workspace.db");
    String id = ws.clusters().get(0).clusterId();
    FileIndex before;
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(ws);
      FileObjects.Scan first = StoreObjects.scan(store, id, new FileIndex());
      assertThat(first.read()).isGreaterThan(500);
      ScannedObjects.assertSameAsTheWholeCluster(first.objects(), ws.clusters().get(0));

      Cluster c = ws.clusters().get(0);
      List<Phone> phones = new ArrayList<>(c.phones());
      for (int i : new int[] {1, 100, 299}) {
        phones.set(i, phones.get(i).withModel("Cisco 7841"));
      }
      phones.remove(50);
      Workspace edited = ws.withCluster(c.withPhones(phones));
      store.save(edited);
      FileObjects.Scan second = StoreObjects.scan(store, id, first.index());
      assertThat(second.read()).isEqualTo(3);
      ScannedObjects.assertSameAsTheWholeCluster(second.objects(), edited.clusters().get(0));
      assertThat(StoreObjects.scan(store, "NOWHERE", first.index())).isNull();
      before = second.index();
    }
    // a row's JSON changed by another program (no revision, no change set): read again all the same
    Phone p = ws.clusters().get(0).phones().get(7);
    try (Connection c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(
            "UPDATE object SET json = replace(json, ?, 'Cisco 8851') WHERE collection = 'phones' AND name = ?")) {
      ps.setString(1, p.model());
      ps.setString(2, p.name());
      assertThat(ps.executeUpdate()).isPositive();
    }
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      Workspace now = store.load();
      FileObjects.Scan third = StoreObjects.scan(store, id, before);
      assertThat(third.read()).isEqualTo(1);
      assertThat(third.objects().get(new ObjectKey("phones", p.name())).value().get("model").asText())
          .isEqualTo("Cisco 8851");
      ScannedObjects.assertSameAsTheWholeCluster(third.objects(), now.clusters().get(0));
    }
  }

  @Test
  void aPushFromTheDatabaseSendsOnlyWhatChanged() throws Exception {
    Path db = dir.resolve("workspace.db");
    String id = ws.clusters().get(0).clusterId();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(ws);
    }
    try (RunningNode node = TestNodes.start(dir.resolve("node"), null)) {
      Syncer syncer = new Syncer(LocalWorkspace.database(db), SyncTest.QUICK);
      PushResult full = syncer.push(List.of(TestNodes.client(node)), id).get(0);
      assertThat(full.ok()).isTrue();
      Cluster c = ws.clusters().get(0);
      List<Phone> phones = new ArrayList<>(c.phones());
      phones.set(5, phones.get(5).withModel("Cisco 7811"));
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        store.save(ws.withCluster(c.withPhones(phones)));
      }
      PushResult delta = syncer.push(List.of(TestNodes.client(node)), id).get(0);
      assertThat(delta.ok()).isTrue();
      assertThat(delta.pushed()).isEqualTo(1);
      assertThat(node.server().state().get(new ObjectKey("phones", phones.get(5).name())).orElseThrow().value()
          .get("model").asText()).isEqualTo("Cisco 7811");
      assertThat(syncer.plan(TestNodes.client(node), id).items()).isEmpty();
    }
  }
}
