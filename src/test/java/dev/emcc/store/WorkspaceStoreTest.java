package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.ClusterSettings;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {
  @TempDir Path dir;

  private WorkspaceStore open() {
    return WorkspaceStore.open(dir.resolve("workspace.db"));
  }

  private static String json(Workspace ws) {
    return WorkspaceFormat.toJson(ws);
  }

  @Test
  void aNewStoreIsEmptyAndLoadsAnEmptyWorkspace() {
    try (WorkspaceStore store = open()) {
      assertThat(store.isEmpty()).isTrue();
      assertThat(store.load().clusters()).isEmpty();
      assertThat(store.history(10)).isEmpty();
      assertThat(store.undoLast()).isEmpty();
    }
  }

  @Test
  void savesAndLoadsTheWorkspaceExactlyInOrder() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      SaveResult result = store.save(ws);
      assertThat(result.changed()).isTrue();
      assertThat(result.count(ChangeKind.ADDED)).isEqualTo(result.changes().size());
      assertThat(store.isEmpty()).isFalse();
      assertThat(json(store.load())).isEqualTo(json(ws));
    }
    try (WorkspaceStore reopened = open()) {
      Workspace loaded = reopened.load();
      assertThat(loaded).isEqualTo(ws);
      assertThat(loaded.clusters()).extracting(Cluster::clusterId).containsExactly("TOKYO", "OSAKA");
    }
  }

  @Test
  void theWorkspaceIsStoredOneRowPerObjectWithThePinHashOnly() throws Exception {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.twoClusters());
      try (var st = store.connection().createStatement();
          var rs = st.executeQuery("SELECT json FROM object WHERE cluster_id = 'TOKYO' AND collection = 'endUsers'"
              + " AND name = 'alice'")) {
        assertThat(rs.next()).isTrue();
        JsonNode alice = Json.mapper().readTree(rs.getString(1));
        assertThat(alice.has("pin")).isFalse();
        assertThat(alice.get("pinHash").asText()).startsWith("pbkdf2-sha256$");
      }
      assertThat(store.loadObject("TOKYO", "trustStores", null)).isPresent();
      assertThat(store.loadObject("TOKYO", ClusterCollection.CLUSTER, null).orElseThrow().version()).isEqualTo("14.0");
    }
  }

  @Test
  void aSecondSaveOfTheSameWorkspaceChangesNothing() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      long first = store.save(ws).changeSetId();
      assertThat(store.save(store.load())).isEqualTo(SaveResult.UNCHANGED);
      assertThat(store.revision("TOKYO")).isEqualTo(first);
      assertThat(store.revision("TOKYO", "phones", "SEP00AABBCC0101")).isEqualTo(first);
    }
  }

  @Test
  void revisionsMoveOnlyForWhatChanged() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      long first = store.save(ws).changeSetId();
      Workspace edited = ws.updateCluster("TOKYO", c -> c.withPhones(List.of(
          c.phones().get(0), withAddress(c.phones().get(1), "10.1.5.99"))));
      SaveResult second = store.save(edited);

      assertThat(second.changes()).containsExactly(new Change("TOKYO", "phones", "SEP00AABBCC0102", ChangeKind.CHANGED));
      assertThat(second.changeSetId()).isGreaterThan(first);
      assertThat(store.revision("TOKYO")).isEqualTo(second.changeSetId());
      assertThat(store.revision("OSAKA")).isEqualTo(first);
      assertThat(store.revision("TOKYO", "phones", "SEP00AABBCC0102")).isEqualTo(second.changeSetId());
      assertThat(store.revision("TOKYO", "phones", "SEP00AABBCC0101")).isEqualTo(first);
      assertThat(store.revision("TOKYO", "phones", "nonesuch")).isZero();
      assertThat(store.revision("NOWHERE")).isZero();
      assertThat(store.load()).isEqualTo(edited);
    }
  }

  @Test
  void removalsReorderingsAndRemovedClustersAreSaved() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      store.save(ws);
      Cluster tokyo = ws.cluster("TOKYO").orElseThrow();
      Cluster reordered = tokyo.withDeviceProfiles(List.of(tokyo.deviceProfiles().get(1), tokyo.deviceProfiles().get(0)))
          .withPhones(List.of(tokyo.phones().get(1)));
      Workspace edited = Workspace.of(List.of(ws.cluster("OSAKA").orElseThrow(), reordered));

      SaveResult result = store.save(edited);

      assertThat(result.changes()).contains(
          new Change("TOKYO", "phones", "SEP00AABBCC0101", ChangeKind.REMOVED),
          new Change("TOKYO", "deviceProfiles", "UDP_bob_8865", ChangeKind.MOVED),
          new Change("OSAKA", "cluster", "", ChangeKind.MOVED));
      assertThat(store.load()).isEqualTo(edited);

      SaveResult dropped = store.save(Workspace.of(List.of(reordered)));
      assertThat(dropped.changes()).allSatisfy(c -> {
        assertThat(c.clusterId()).isIn("OSAKA", "TOKYO");
        if (c.clusterId().equals("OSAKA")) {
          assertThat(c.kind()).isEqualTo(ChangeKind.REMOVED);
        }
      });
      assertThat(store.revision("OSAKA")).isZero();
      assertThat(store.load()).isEqualTo(Workspace.of(List.of(reordered)));
    }
  }

  @Test
  void singleObjectsAreSavedLoadedAndDeleted() throws Exception {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.twoClusters());
      Phone phone = store.loadObject("OSAKA", ClusterCollection.PHONES, "SEP00AABBCC0201").orElseThrow();
      Phone added = new Phone("SEP00AABBCC0202", null, "Cisco 8865", null, true, List.of(), null, "DP_OSAKA_ROAM",
          null, "10.2.5.22");

      SaveResult a = store.saveObject("OSAKA", ClusterCollection.PHONES, added);
      assertThat(a.changes()).containsExactly(new Change("OSAKA", "phones", "SEP00AABBCC0202", ChangeKind.ADDED));
      assertThat(store.saveObject("OSAKA", ClusterCollection.PHONES, added)).isEqualTo(SaveResult.UNCHANGED);
      assertThat(store.load().cluster("OSAKA").orElseThrow().phones()).containsExactly(phone, added);
      assertThat(store.revision("OSAKA")).isEqualTo(a.changeSetId());

      ObjectNode edited = (ObjectNode) store.loadObject("OSAKA", "phones", "SEP00AABBCC0201").orElseThrow();
      edited.put("address", "10.2.5.99");
      SaveResult b = store.saveObject("OSAKA", "phones", edited);
      assertThat(b.changes()).containsExactly(new Change("OSAKA", "phones", "SEP00AABBCC0201", ChangeKind.CHANGED));
      assertThat(store.load().cluster("OSAKA").orElseThrow().phones().get(0).address()).isEqualTo("10.2.5.99");

      TrustStores trust = new TrustStores(List.of("aa:bb"), null, null, null);
      store.saveObject("OSAKA", ClusterCollection.TRUST_STORES, trust);
      assertThat(store.load().cluster("OSAKA").orElseThrow().trustStores().callManagerTrust()).containsExactly("AABB");

      SaveResult d = store.deleteObject("OSAKA", "phones", "SEP00AABBCC0201");
      assertThat(d.changes()).containsExactly(new Change("OSAKA", "phones", "SEP00AABBCC0201", ChangeKind.REMOVED));
      assertThat(store.deleteObject("OSAKA", "phones", "SEP00AABBCC0201")).isEqualTo(SaveResult.UNCHANGED);
      assertThat(store.loadObject("OSAKA", "phones", "SEP00AABBCC0201")).isEmpty();
      assertThat(store.load().cluster("OSAKA").orElseThrow().phones()).containsExactly(added);
    }
  }

  @Test
  void aSingleObjectIsReadAsStrictlyAsADocument() throws Exception {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.twoClusters());
      ObjectNode bad = (ObjectNode) store.loadObject("OSAKA", "phones", "SEP00AABBCC0201").orElseThrow();
      bad.put("adress", "10.2.5.99");
      assertThatThrownBy(() -> store.saveObject("OSAKA", "phones", bad))
          .isInstanceOf(DocumentException.class)
          .hasMessageContaining("unknown key \"adress\"");
      assertThatThrownBy(() -> store.saveObject("NOWHERE", ClusterCollection.PHONES,
          new Phone("SEPX", null, null, null, false, null, null, null, null, null)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOWHERE");
      assertThatThrownBy(() -> store.deleteObject("OSAKA", "trustStores", null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.loadObject("OSAKA", "phonez", "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phonez");
    }
  }

  @Test
  void aClusterCanBeAddedAndDeletedAsItsSettingsObject() {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.twoClusters());
      store.saveObject("NAGOYA", ClusterCollection.CLUSTER, new ClusterSettings("NAGOYA", "15.0", null, null));
      Workspace ws = store.load();
      assertThat(ws.clusters()).extracting(Cluster::clusterId).containsExactly("TOKYO", "OSAKA", "NAGOYA");
      assertThat(ws.cluster("NAGOYA").orElseThrow()).isEqualTo(Cluster.empty("NAGOYA", "15.0"));

      SaveResult removed = store.deleteObject("TOKYO", "cluster", null);
      assertThat(removed.count(ChangeKind.REMOVED)).isEqualTo(removed.changes().size()).isGreaterThan(10);
      assertThat(store.load().clusters()).extracting(Cluster::clusterId).containsExactly("OSAKA", "NAGOYA");
      assertThat(store.revision("TOKYO")).isZero();
    }
  }

  @Test
  void duplicateAndMissingKeysAreRefusedWithTheirPathAndNothingIsWritten() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      store.save(ws);
      Workspace twice = ws.updateCluster("OSAKA", c -> c.withPhones(List.of(c.phones().get(0), c.phones().get(0))));
      assertThatThrownBy(() -> store.save(twice))
          .isInstanceOf(InvalidWorkspaceException.class)
          .hasMessageContaining("$.clusters[1].phones[1].name")
          .hasMessageContaining("$.clusters[1].phones[0]");
      Workspace nameless = ws.updateCluster("OSAKA", c -> c.withPhones(List.of(
          new Phone(null, null, null, null, false, null, null, null, null, null))));
      assertThatThrownBy(() -> store.save(nameless)).isInstanceOf(InvalidWorkspaceException.class)
          .hasMessageContaining("$.clusters[1].phones[0].name");
      assertThat(store.load()).isEqualTo(ws);
      assertThat(store.history(100)).hasSize(countObjects(ws));
    }
  }

  @Test
  void historyGivesBeforeAndAfterGroupedByChangeSet() throws Exception {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      long first = store.save(ws, "import two-clusters.json").changeSetId();
      Workspace edited = ws.updateCluster("OSAKA", c -> c.withPhones(List.of(withAddress(c.phones().get(0), "10.2.5.77"))));
      long second = store.save(edited).changeSetId();
      store.deleteObject("OSAKA", "phones", "SEP00AABBCC0201");

      List<HistoryEntry> h = store.history(3);
      assertThat(h).hasSize(3);
      HistoryEntry removal = h.get(0);
      assertThat(removal.kind()).isEqualTo(ChangeKind.REMOVED);
      assertThat(removal.afterJson()).isNull();
      assertThat(Json.mapper().readTree(removal.beforeJson()).get("address").asText()).isEqualTo("10.2.5.77");
      HistoryEntry change = h.get(1);
      assertThat(change.changeSetId()).isEqualTo(second);
      assertThat(change.kind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(Json.mapper().readTree(change.beforeJson()).get("address").asText()).isEqualTo("10.2.5.21");
      assertThat(Json.mapper().readTree(change.afterJson()).get("address").asText()).isEqualTo("10.2.5.77");
      assertThat(h.get(2).changeSetId()).isEqualTo(first);
      assertThat(h.get(2).summary()).isEqualTo("import two-clusters.json");
      assertThat(h.get(2).beforeJson()).isNull();

      HistoryEntry added = store.history(1000).stream()
          .filter(e -> e.name().equals("SEP00AABBCC0201") && e.kind() == ChangeKind.ADDED).findFirst().orElseThrow();
      assertThat(Json.mapper().readTree(added.afterJson()).get("address").asText()).isEqualTo("10.2.5.21");
    }
  }

  @Test
  void undoWalksBackOneChangeSetAtATimeAndIsItselfRecorded() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      store.save(ws);
      Cluster tokyo = ws.cluster("TOKYO").orElseThrow();
      Workspace second = Workspace.of(List.of(ws.cluster("OSAKA").orElseThrow(),
          tokyo.withDeviceProfiles(List.of(tokyo.deviceProfiles().get(1), tokyo.deviceProfiles().get(0)))
              .withPhones(List.of(withAddress(tokyo.phones().get(1), "10.1.5.50")))
              .withVersion("15.0")));
      store.save(second);
      store.deleteObject("OSAKA", "cluster", null);
      store.saveObject("TOKYO", ClusterCollection.PHONES, withAddress(tokyo.phones().get(0), "10.1.5.60"));
      Workspace fourth = store.load();

      assertThat(store.undoLast()).contains(Workspace.of(List.of(second.cluster("TOKYO").orElseThrow())));
      assertThat(store.undoLast()).contains(second);
      assertThat(store.undoLast()).contains(ws);
      assertThat(store.load()).isEqualTo(ws);
      long revisionAfterUndo = store.revision("TOKYO");
      assertThat(store.history(1).get(0).summary()).startsWith("undo #");

      // The first save can be undone too: back to nothing; then there is nothing left.
      assertThat(store.undoLast()).contains(Workspace.of(List.of()));
      assertThat(store.undoLast()).isEmpty();
      assertThat(revisionAfterUndo).isPositive();
      assertThat(fourth).isNotEqualTo(second);
    }
  }

  @Test
  void aStorePastItsHistoryLimitPrunesTheOldestChangeSetsAndStillUndoes() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open().keepHistory(3)) {
      List<Workspace> saved = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int max = 100 + i;
        Workspace next = ws.updateCluster("TOKYO", c -> c.withMaxPhones(max));
        store.save(next);
        saved.add(next);
      }
      assertThat(changeSets(store)).hasSize(3);
      assertThat(store.history(1_000)).hasSize(3); // one change each: the cluster settings

      // the kept change sets undo as before; an undo is a change set too, so the window moves on
      assertThat(store.undoLast()).contains(saved.get(4));
      assertThat(changeSets(store)).hasSize(3);
      assertThat(store.undoLast()).contains(saved.get(3));
      assertThat(store.undoLast()).isEmpty();
      assertThat(store.load()).isEqualTo(saved.get(3));

      // and saving goes on from there
      store.save(saved.get(5));
      assertThat(store.undoLast()).contains(saved.get(3));
    }
    try (WorkspaceStore store = open()) {
      assertThatThrownBy(() -> store.keepHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<Long> changeSets(WorkspaceStore store) {
    return store.history(1_000).stream().map(HistoryEntry::changeSetId).distinct().toList();
  }

  @Test
  void undoAfterANewSaveRevertsTheNewSaveFirst() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      store.save(ws);
      Workspace a = ws.updateCluster("OSAKA", c -> c.withVersion("14.0"));
      store.save(a);
      store.undoLast();
      Workspace b = ws.updateCluster("TOKYO", c -> c.withMaxPhones(100));
      store.save(b);
      assertThat(store.undoLast()).contains(ws);
      assertThat(store.undoLast()).contains(Workspace.of(List.of()));
    }
  }

  @Test
  void aNamedChangeSetIsUndoneOnlyWhileItCanBe() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = open()) {
      long first = store.save(ws, "first").changeSetId();
      Workspace a = ws.updateCluster("OSAKA", c -> c.withVersion("14.0"));
      long second = store.save(a, "second").changeSetId();
      Workspace b = a.updateCluster("TOKYO", c -> c.withMaxPhones(100));
      store.save(b, "third");

      // an older change set alone: only what it changed goes back, the later change stays
      WorkspaceStore.Undone undone = store.undo(second).orElseThrow();
      assertThat(undone.undoneId()).isEqualTo(second);
      assertThat(undone.undoneSummary()).isEqualTo("second");
      assertThat(undone.result().changes()).extracting(Change::collection).containsExactly("cluster");
      assertThat(store.load()).isEqualTo(ws.updateCluster("TOKYO", c -> c.withMaxPhones(100)));
      assertThat(store.history(1).get(0).summary()).isEqualTo("undo #" + second + " (second)");

      // not twice, not an undo, not a change set that never was
      assertThat(store.undo(second)).isEmpty();
      assertThat(store.undo(undone.result().changeSetId())).isEmpty();
      assertThat(store.undo(999)).isEmpty();
      // the latest undoable is now the third save
      assertThat(store.undoLatest().orElseThrow().undoneSummary()).isEqualTo("third");
      assertThat(store.undo(first)).isPresent();
      assertThat(store.load()).isEqualTo(Workspace.of(List.of()));
    }
  }

  @Test
  void aSecondWriterWaitsForTheFirstAndSavesAgainstWhatItCommitted() throws Exception {
    Path file = dir.resolve("workspace.db");
    Workspace base = StoreFixtures.twoClusters();
    Workspace first = base.updateCluster("OSAKA", c -> c.withVersion("14.0"));
    Workspace second = first.updateCluster("TOKYO", c -> c.withMaxPhones(1000));
    try (WorkspaceStore a = WorkspaceStore.open(file); WorkspaceStore b = WorkspaceStore.open(file)) {
      a.save(base);
      java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      a.beforeCommit(() -> {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var saveA = pool.submit(() -> a.save(first));
        inside.await();
        // b starts while a holds the write lock: its BEGIN IMMEDIATE waits (busy timeout).
        var saveB = pool.submit(() -> b.save(second));
        release.countDown();
        assertThat(saveA.get().changes()).containsExactly(new Change("OSAKA", "cluster", "", ChangeKind.CHANGED));
        assertThat(saveB.get().changes()).containsExactly(new Change("TOKYO", "cluster", "", ChangeKind.CHANGED));
      } finally {
        pool.shutdownNow();
      }
      assertThat(b.load()).isEqualTo(second);
    }
  }

  @Test
  void aDamagedRowIsReportedByNameWhenLoading() throws Exception {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.generated(3_000, 0, 0, 0));
      try (var st = store.connection().createStatement()) {
        assertThat(st.executeUpdate("UPDATE object SET json = '{\"nam\": 1}' WHERE name = 'SEP0000001007D0'"))
            .isEqualTo(1);
      }
      assertThatThrownBy(store::load).isInstanceOf(StoreException.class)
          .hasMessageContaining("TOKYO/phones/SEP0000001007D0").hasMessageContaining("nam");
    }
  }

  @Test
  void aRowHoldingTwoObjectsIsRefusedByNameNotReadIntoItsNeighbours() throws Exception {
    try (WorkspaceStore store = open()) {
      store.save(StoreFixtures.generated(3_000, 0, 0, 0));
      try (var st = store.connection().createStatement()) {
        assertThat(st.executeUpdate("UPDATE object SET json = json || json WHERE name = 'SEP0000001007D0'"))
            .isEqualTo(1);
      }
      assertThatThrownBy(store::load).isInstanceOf(StoreException.class)
          .hasMessageContaining("TOKYO/phones/SEP0000001007D0");
    }
  }

  @Test
  void rowsWithSpaceAroundTheirJsonAreStillReadEachAsItself() throws Exception {
    Workspace ws = StoreFixtures.generated(3_000, 500, 200, 20);
    try (WorkspaceStore store = open()) {
      store.save(ws);
      try (var st = store.connection().createStatement()) {
        assertThat(st.executeUpdate("UPDATE object SET json = ' ' || json || '  ' WHERE rowid % 7 = 0"))
            .isGreaterThan(100);
      }
      assertThat(store.load()).isEqualTo(ws);
    }
  }

  @Test
  void equalValuesOfALoadedWorkspaceShareOneString() {
    Workspace ws = StoreFixtures.generated(3_000, 0, 0, 0);
    try (WorkspaceStore store = open()) {
      store.save(ws);
      List<Phone> phones = store.load().clusters().get(0).phones();
      Set<String> pools = Collections.newSetFromMap(new IdentityHashMap<>());
      phones.forEach(p -> pools.add(p.devicePool()));
      // One instance per value, give or take one evicted from the bounded cache now and then.
      assertThat(phones).hasSizeGreaterThan(3_000);
      assertThat(pools).hasSizeLessThan(10);
    }
  }

  @Test
  void aBigImportIsUndoneWhole() {
    Workspace small = StoreFixtures.twoClusters();
    Workspace big = StoreFixtures.generated(1_500, 500, 200, 20);
    try (WorkspaceStore store = open()) {
      store.save(small);
      SaveResult imported = store.save(big, "import big.json");
      assertThat(imported.count(ChangeKind.ADDED)).isEqualTo(1_500 + 500 + 200);
      assertThat(store.load()).isEqualTo(big);
      assertThat(store.undoLast()).contains(small);
      assertThat(store.revision("TOKYO")).isGreaterThan(imported.changeSetId());
    }
  }

  @Test
  void openDefaultSeedsOnlyAStoreThatNeverHeldAWorkspace() {
    Path file = dir.resolve("nested/dir/workspace.db");
    Workspace seed = StoreFixtures.twoClusters();
    try (WorkspaceStore store = WorkspaceStore.openDefault(file, () -> seed)) {
      assertThat(store.load()).isEqualTo(seed);
      store.save(Workspace.of(List.of()));
    }
    try (WorkspaceStore store = WorkspaceStore.openDefault(file, () -> {
      throw new AssertionError("must not seed again");
    })) {
      assertThat(store.load().clusters()).isEmpty();
      assertThat(store.isEmpty()).isFalse();
    }
  }

  @Test
  void theDefaultPathIsTheUsersDataDirectory() {
    assertThat(StorePaths.defaultPath("Linux", Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/share/emcc-console/workspace.db"));
    assertThat(StorePaths.defaultPath("Linux", Map.of("XDG_DATA_HOME", "/data/x"), "/home/u"))
        .isEqualTo(Path.of("/data/x/emcc-console/workspace.db"));
    assertThat(StorePaths.defaultPath("Linux", Map.of("XDG_DATA_HOME", "relative"), "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/share/emcc-console/workspace.db"));
    assertThat(StorePaths.defaultPath("Mac OS X", Map.of(), "/Users/u"))
        .isEqualTo(Path.of("/Users/u/Library/Application Support/emcc-console/workspace.db"));
    assertThat(StorePaths.defaultPath("Windows 11", Map.of("APPDATA", "/c/Users/u/AppData/Roaming"), "/c/Users/u"))
        .isEqualTo(Path.of("/c/Users/u/AppData/Roaming/emcc-console/workspace.db"));
    assertThat(WorkspaceStore.defaultPath().getFileName()).hasToString("workspace.db");
  }

  @Test
  void theConnectionUsesWalForeignKeysAndABusyTimeout() throws Exception {
    try (WorkspaceStore store = open(); var st = store.connection().createStatement()) {
      assertThat(pragma(st, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(st, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(st, "synchronous")).isEqualTo("1");
      assertThat(Integer.parseInt(pragma(st, "busy_timeout"))).isPositive();
    }
  }

  private static String pragma(java.sql.Statement st, String name) throws Exception {
    try (var rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static int countObjects(Workspace ws) {
    int n = 0;
    for (Cluster c : ws.clusters()) {
      for (ClusterCollection<?> k : ClusterCollection.ALL) {
        n += k.items(c).size();
      }
    }
    return n;
  }

  static Phone withAddress(Phone p, String address) {
    return new Phone(p.name(), p.description(), p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), address);
  }

  @SuppressWarnings("unused")
  private static List<String> names(List<Phone> phones) {
    List<String> out = new ArrayList<>();
    phones.forEach(p -> out.add(p.name()));
    return out;
  }
}
