package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema migrations, from an empty file and from every earlier version. */
class MigrationsTest {
  @TempDir Path dir;

  @Test
  void theMigrationFilesAreNumberedInOrderAndPresent() {
    for (int i = 0; i < Migrations.FILES.size(); i++) {
      String file = Migrations.FILES.get(i);
      assertThat(file).startsWith("V" + (i + 1) + "__").endsWith(".sql");
      assertThat(Migrations.statements(Migrations.read(file))).isNotEmpty();
    }
  }

  @Test
  void statementsAreSplitAtTheirEndsAndCommentsDropped() {
    assertThat(Migrations.statements("-- a comment\nCREATE TABLE a (x TEXT);\n\nINSERT INTO a\n  VALUES ('--;');\n"))
        .containsExactly("CREATE TABLE a (x TEXT)", "INSERT INTO a\n  VALUES ('--;')");
  }

  @Test
  void anEmptyFileGetsEverySchemaVersion() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("new.db"))) {
      assertThat(versions(store.connection())).containsExactly(1, 2, 3, 4);
      assertThat(tables(store.connection())).contains("schema_version", "cluster", "object", "change_set", "change",
          "change_pack", "bat_column");
      assertThat(store.isEmpty()).isTrue();
    }
  }

  @Test
  void reopeningAnUpToDateFileChangesNothing() throws Exception {
    Path file = dir.resolve("ws.db");
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      store.save(ws);
    }
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      assertThat(versions(store.connection())).containsExactly(1, 2, 3, 4);
      assertThat(store.load()).isEqualTo(ws);
    }
  }

  @Test
  void aVersionOneFileIsMigratedWithItsDataAndRevisionsKept() throws Exception {
    Path file = dir.resolve("v1.db");
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore v1 = WorkspaceStore.open(file, 1)) {
      assertThat(versions(v1.connection())).containsExactly(1);
      assertThat(tables(v1.connection())).doesNotContain("change_set", "change");
      writeAsSchemaOne(v1.connection(), ws);
    }

    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      assertThat(versions(store.connection())).containsExactly(1, 2, 3, 4);
      assertThat(store.load()).isEqualTo(ws);
      assertThat(store.isEmpty()).isFalse();
      assertThat(store.revision("TOKYO")).isEqualTo(7);
      assertThat(store.revision("OSAKA", "phones", "SEP00AABBCC0201")).isEqualTo(3);
      assertThat(store.history(10)).isEmpty();

      // New revisions continue above every revision schema 1 handed out.
      Workspace edited = ws.updateCluster("OSAKA", c -> c.withVersion("15.0"));
      SaveResult saved = store.save(edited);
      assertThat(saved.changeSetId()).isGreaterThan(7);
      assertThat(store.revision("OSAKA")).isEqualTo(saved.changeSetId());
      assertThat(store.history(10)).hasSize(1);

      // Undo reaches back to the migrated state and no further.
      assertThat(store.undoLast()).contains(ws);
      assertThat(store.undoLast()).isEmpty();
    }
  }

  @Test
  void aVersionTwoFileKeepsItsRowHistoryMeasuredInBytesAndUndoable() throws Exception {
    Path file = dir.resolve("v2.db");
    Workspace a = StoreFixtures.twoClusters();
    Workspace b = a.updateCluster("OSAKA", c -> c.withVersion("15.0").withMaxPhones(77));
    try (WorkspaceStore v2 = WorkspaceStore.open(file, 2)) {
      assertThat(tables(v2.connection())).doesNotContain("change_pack");
      writeAsSchemaTwo(v2.connection(), a, b);
    }
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      assertThat(versions(store.connection())).containsExactly(1, 2, 3, 4);
      assertThat(store.load()).isEqualTo(b);
      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT id, bytes, (SELECT sum(48 + length(cluster_id) + length(collection)"
              + " + length(name) + coalesce(length(before_json), 0)) FROM change WHERE change_set = s.id)"
              + " FROM change_set s ORDER BY id")) {
        int sets = 0;
        while (rs.next()) {
          sets++;
          assertThat(rs.getLong(2)).as("change set %d", rs.getLong(1)).isEqualTo(rs.getLong(3)).isPositive();
        }
        assertThat(sets).isEqualTo(2);
      }
      assertThat(store.history(1)).singleElement().satisfies(e -> {
        assertThat(e.clusterId()).isEqualTo("OSAKA");
        assertThat(e.beforeJson()).contains("\"version\":\"12.5\"");
        assertThat(e.afterJson()).contains("\"version\":\"15.0\"");
      });
      // the migrated history undoes as before: back to a, then to nothing
      assertThat(store.undoLast()).contains(a);
      assertThat(store.undoLast()).contains(Workspace.of(List.of()));
      assertThat(store.undoLast()).isEmpty();
    }
  }

  @Test
  void aVersionThreeFileGetsTheBatSideTableWithItsDataAndHistoryKept() throws Exception {
    Path file = dir.resolve("v3.db");
    Workspace a = StoreFixtures.twoClusters();
    Workspace b = a.updateCluster("OSAKA", c -> c.withVersion("15.0"));
    try (WorkspaceStore v3 = WorkspaceStore.open(file, 3)) {
      assertThat(versions(v3.connection())).containsExactly(1, 2, 3);
      assertThat(tables(v3.connection())).doesNotContain("bat_column");
      v3.save(a);
      v3.save(b);
    }
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      assertThat(versions(store.connection())).containsExactly(1, 2, 3, 4);
      assertThat(store.load()).isEqualTo(b);
      assertThat(store.history(1)).singleElement().satisfies(e -> assertThat(e.afterJson()).contains("15.0"));
      KeptColumns kept = KeptColumns.of(store);
      assertThat(kept.get("OSAKA", "phones")).isEmpty();
      store.save(b, "keep", List.of(new KeptColumns.Entry("OSAKA", "phones",
          java.util.Map.of("SEP00AABBCC0201", java.util.Map.of("Fwd Busy Ext", "1"))))); // b: no change set, 0
      assertThat(kept.get("OSAKA", "phones")).containsEntry("SEP00AABBCC0201", java.util.Map.of("Fwd Busy Ext", "1"));
      assertThat(store.undoLast()).contains(a);
    }
  }

  /** What the console of schema 2 wrote for a save of a, then of b: rows and a row per change. */
  private static void writeAsSchemaTwo(Connection c, Workspace a, Workspace b) throws Exception {
    writeAsSchemaOne(c, b);
    try (Statement st = c.createStatement()) {
      st.execute("UPDATE cluster SET revision = 2");
      st.execute("UPDATE object SET revision = 2");
      st.execute("INSERT INTO change_set (id, at, summary) VALUES (1, '2026-01-01T00:00:00Z', 'import a'),"
          + " (2, '2026-01-02T00:00:00Z', 'import b')");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO change (change_set, cluster_id, collection, name,"
        + " kind, before_json, before_position, after_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int ci = 0; ci < a.clusters().size(); ci++) {
        Cluster cl = a.clusters().get(ci);
        for (ClusterCollection<?> kind : ClusterCollection.ALL) {
          List<String> before = json(cl, kind);
          List<String> after = json(b.cluster(cl.clusterId()).orElseThrow(), kind);
          for (int i = 0; i < before.size(); i++) {
            String name = kind.singleton() ? "" : name(cl, kind, i);
            int position = kind == ClusterCollection.CLUSTER ? ci : i;
            addChange(ps, 1, cl.clusterId(), kind.key(), name, "added", null, null, position);
            if (!before.get(i).equals(after.get(i))) {
              addChange(ps, 2, cl.clusterId(), kind.key(), name, "changed", before.get(i), position, position);
            }
          }
        }
      }
      ps.executeBatch();
    }
  }

  private static void addChange(PreparedStatement ps, int set, String cluster, String collection, String name,
      String kind, String before, Integer beforePosition, int afterPosition) throws Exception {
    ps.setInt(1, set);
    ps.setString(2, cluster);
    ps.setString(3, collection);
    ps.setString(4, name);
    ps.setString(5, kind);
    ps.setString(6, before);
    if (beforePosition == null) {
      ps.setNull(7, java.sql.Types.INTEGER);
    } else {
      ps.setInt(7, beforePosition);
    }
    ps.setInt(8, afterPosition);
    ps.addBatch();
  }

  private static <T> List<String> json(Cluster cl, ClusterCollection<T> kind) throws Exception {
    List<String> out = new ArrayList<>();
    for (T item : kind.items(cl)) {
      out.add(RowCodecs.writer(kind).writeValueAsString(item));
    }
    return out;
  }

  private static <T> String name(Cluster cl, ClusterCollection<T> kind, int i) {
    return kind.nameOf(kind.items(cl).get(i));
  }

  @Test
  void anEmptyVersionOneFileStaysEmpty() throws Exception {
    Path file = dir.resolve("v1-empty.db");
    try (WorkspaceStore v1 = WorkspaceStore.open(file, 1)) {
      assertThat(versions(v1.connection())).containsExactly(1);
    }
    try (WorkspaceStore store = WorkspaceStore.open(file)) {
      assertThat(store.isEmpty()).isTrue();
      assertThat(store.save(StoreFixtures.twoClusters()).changeSetId()).isEqualTo(1);
    }
  }

  @Test
  void aFileOfANewerConsoleIsRefusedAndLeftAlone() throws Exception {
    Path file = dir.resolve("newer.db");
    try (WorkspaceStore store = WorkspaceStore.open(file);
        Statement st = store.connection().createStatement()) {
      st.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', '2030-01-01T00:00:00Z')");
    }
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> WorkspaceStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("99").hasMessageContaining("newer");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** What the console of schema 1 wrote: rows with revision counters. */
  private static void writeAsSchemaOne(Connection c, Workspace ws) throws Exception {
    try (PreparedStatement cluster = c.prepareStatement("INSERT INTO cluster VALUES (?, ?, ?)");
        PreparedStatement object = c.prepareStatement("INSERT INTO object VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int ci = 0; ci < ws.clusters().size(); ci++) {
        Cluster cl = ws.clusters().get(ci);
        int revision = cl.clusterId().equals("TOKYO") ? 7 : 3;
        cluster.setString(1, cl.clusterId());
        cluster.setInt(2, ci);
        cluster.setInt(3, revision);
        cluster.executeUpdate();
        for (ClusterCollection<?> kind : ClusterCollection.ALL) {
          insertAll(object, cl, kind, revision);
        }
      }
    }
  }

  private static <T> void insertAll(PreparedStatement ps, Cluster cl, ClusterCollection<T> kind, int revision) throws Exception {
    List<T> items = kind.items(cl);
    for (int i = 0; i < items.size(); i++) {
      ps.setString(1, cl.clusterId());
      ps.setString(2, kind.key());
      ps.setString(3, kind.nameOf(items.get(i)));
      ps.setInt(4, i);
      ps.setInt(5, revision);
      ps.setString(6, RowCodecs.writer(kind).writeValueAsString(items.get(i)));
      ps.executeUpdate();
    }
  }

  private static List<Integer> versions(Connection c) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private static List<String> tables(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
