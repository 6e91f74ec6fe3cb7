package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history bounded in bytes: big change sets packed, a replace-all import undone exactly, the
 * newest change sets kept within the budget, freed space given back.
 */
class HistoryTest {
  @TempDir Path dir;

  /** A generated workspace; another seed gives other names everywhere: importing it replaces all. */
  private static Workspace generated(long seed) {
    return WorkspaceGenerator.generate(1_500, 1_500, 800, 300, 2, seed);
  }

  private static List<List<Object>> query(WorkspaceStore store, String sql) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v instanceof Integer n ? (long) n : v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static long single(WorkspaceStore store, String sql) throws Exception {
    return ((Number) query(store, sql).get(0).get(0)).longValue();
  }

  /** Every stored object with its place and JSON, and every cluster's place: all but revisions. */
  private static List<List<Object>> rows(WorkspaceStore store) throws Exception {
    List<List<Object>> out = query(store, "SELECT cluster_id, collection, name, position, json FROM object"
        + " ORDER BY cluster_id, collection, name");
    out.addAll(query(store, "SELECT cluster_id, position FROM cluster ORDER BY cluster_id"));
    return out;
  }

  /** The records of a change set in a comparable form. */
  private static List<String> records(WorkspaceStore store, long set) throws Exception {
    List<String> out = new ArrayList<>();
    for (ChangeRecord r : new History(store.connection()).records(set)) {
      out.add(r.key() + " " + r.kind() + " " + r.beforePosition() + "->" + r.afterPosition() + " "
          + (r.beforeJson() == null ? null : new String(r.beforeJson(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void undoOfAReplaceAllImportRestoresThePreviousWorkspaceExactly() throws Exception {
    Workspace a = generated(1);
    Workspace b = generated(2);
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("ws.db"))) {
      store.save(a, "import a.json");
      List<List<Object>> rowsOfA = rows(store);
      long objectBytes = single(store, "SELECT sum(length(CAST(json AS BLOB))) FROM object");

      SaveResult replaced = store.save(b, "import b.json");
      // nearly every object of a went (removed or changed; a few, such as the nodes, are the same)
      assertThat(replaced.count(ChangeKind.REMOVED) + replaced.count(ChangeKind.CHANGED))
          .isGreaterThan(WorkspaceStoreTest.countObjects(a) * 9 / 10);
      long set = replaced.changeSetId();
      assertThat(single(store, "SELECT count(*) FROM change WHERE change_set = " + set)).isZero();
      assertThat(single(store, "SELECT count(*) FROM change_pack WHERE change_set = " + set)).isPositive();
      // its history (the whole previous workspace, to undo it) is not a second copy of it
      long historyBytes = single(store, "SELECT bytes FROM change_set WHERE id = " + set);
      assertThat(historyBytes).isEqualTo(single(store,
          "SELECT sum(length(data) + 32) FROM change_pack WHERE change_set = " + set));
      assertThat(historyBytes).isLessThan(objectBytes / 5);

      assertThat(store.undoLast()).contains(a);
      assertThat(rows(store)).isEqualTo(rowsOfA);
      assertThat(WorkspaceFormat.toJson(store.load())).isEqualTo(WorkspaceFormat.toJson(a));
      // the undo is a replace-all too, packed; undoing further goes back to nothing
      assertThat(single(store, "SELECT count(*) FROM change_pack p JOIN change_set s ON s.id = p.change_set"
          + " WHERE s.undo_of = " + set)).isPositive();
      assertThat(store.undoLast()).contains(Workspace.of(List.of()));
      assertThat(store.undoLast()).isEmpty();
    }
  }

  @Test
  void aPackedChangeSetGivesTheSameHistoryAndUndoAsRows() throws Exception {
    Workspace a = generated(1);
    Workspace b = generated(2).updateCluster(generated(2).clusters().get(0).clusterId(),
        c -> c.withPhones(a.clusters().get(0).phones().subList(0, 700)));
    List<List<String>> each = new ArrayList<>();
    List<List<String>> history = new ArrayList<>();
    List<Workspace> undone = new ArrayList<>();
    for (boolean packed : List.of(true, false)) {
      try (WorkspaceStore store = WorkspaceStore.open(dir.resolve(packed + ".db"))) {
        if (!packed) {
          store.bulkHistoryRows(Integer.MAX_VALUE);
        }
        long first = store.save(a, "import a").changeSetId();
        long second = store.save(b, "import b").changeSetId();
        assertThat(single(store, "SELECT count(*) FROM change_pack")).as("packed: %s", packed)
            .isEqualTo(packed ? single(store, "SELECT count(*) FROM change_pack") : 0);
        List<String> records = new ArrayList<>(records(store, first));
        records.addAll(records(store, second));
        each.add(records);
        history.add(store.history(5_000).stream().map(e -> e.changeSetId() + e.summary() + e.clusterId()
            + e.collection() + e.name() + e.kind() + e.beforeJson() + "=>" + e.afterJson()).toList());
        undone.add(store.undoLast().orElseThrow());
      }
    }
    assertThat(each.get(0)).hasSizeGreaterThan(2 * History.PACK_ABOVE).isEqualTo(each.get(1));
    assertThat(history.get(0)).hasSize(5_000).isEqualTo(history.get(1));
    // the kept phones of a changed in b: their after-image is b's, their before a's
    assertThat(history.get(0)).anySatisfy(h -> assertThat(h).contains("CHANGED"));
    assertThat(undone.get(0)).isEqualTo(a).isEqualTo(undone.get(1));
  }

  @Test
  void theHistoryKeepsTheNewestChangeSetsWithinItsByteBudget() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("ws.db"))) {
      store.save(generated(1), "import 1");
      long oneImport = single(store, "SELECT bytes FROM change_set ORDER BY id DESC LIMIT 1");
      store.keepHistoryBytes(1);
      // over budget on its own: the newest change set is kept all the same, so it can be undone
      store.save(generated(2), "import 2");
      assertThat(single(store, "SELECT count(*) FROM change_set")).isOne();
      store.keepHistoryBytes(0);
      assertThat(new History(store.connection()).budget(0)).isEqualTo(History.MIN_BUDGET);

      long packed = single(store, "SELECT bytes FROM change_set");
      store.keepHistoryBytes(packed * 3 + packed / 2);
      for (int seed = 3; seed <= 7; seed++) {
        store.save(generated(seed), "import " + seed);
      }
      // imports 5, 6 and 7 fit; 3 and 4 were pruned, oldest first
      assertThat(query(store, "SELECT summary FROM change_set ORDER BY id"))
          .extracting(r -> r.get(0)).containsExactly("import 5", "import 6", "import 7");
      assertThat(single(store, "SELECT sum(bytes) FROM change_set")).isLessThanOrEqualTo(packed * 3 + packed / 2);
      assertThat(oneImport).isPositive();
      // an undo is a change set with its history too: undoing 7 prunes 5, so 6 is the last to undo
      assertThat(store.undoLast()).contains(generated(6));
      assertThat(store.undoLast()).contains(generated(5));
      assertThat(store.undoLast()).isEmpty();
      assertThat(store.load()).isEqualTo(generated(5));
    }
  }

  @Test
  void spaceAPruneFreesIsGivenBackToTheFileSystem() throws Exception {
    Path file = dir.resolve("ws.db");
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      // as before packs: a row per change, a second copy of the workspace per import
      store.bulkHistoryRows(Integer.MAX_VALUE);
      for (int seed = 1; seed <= 4; seed++) {
        store.save(generated(seed));
      }
      long grown = Files.size(file);
      store.bulkHistoryRows(History.PACK_ABOVE);
      store.keepHistoryBytes(1);
      store.save(generated(5));
      assertThat(single(store, "SELECT count(*) FROM change")).isZero();
      assertThat(single(store, "PRAGMA freelist_count")).isLessThan(100);
      assertThat(Files.size(file)).isLessThan(grown / 2);
      assertThat(store.load()).isEqualTo(generated(5));
      try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }
  }

  @Test
  void aDamagedPackIsReportedAndNothingIsUndone() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("ws.db"))) {
      store.save(generated(1));
      try (Statement st = store.connection().createStatement()) {
        st.executeUpdate("UPDATE change_pack SET data = zeroblob(100) WHERE seq = 0");
      }
      assertThatThrownBy(store::undoLast).isInstanceOf(StoreException.class)
          .hasMessageStartingWith("A change set of the history cannot be read");
      assertThat(store.load()).isEqualTo(generated(1));
    }
  }
}
