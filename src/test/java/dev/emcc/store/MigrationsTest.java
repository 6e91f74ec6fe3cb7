package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      assertThat(versions(store.connection())).containsExactly(1, 2, 3);
      assertThat(tables(store.connection())).contains("schema_version", "cluster", "object", "change_set", "change",
          "bat_column");
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
      assertThat(versions(store.connection())).containsExactly(1, 2, 3);
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
      assertThat(versions(store.connection())).containsExactly(1, 2, 3);
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
        for (ObjectKind<?> kind : ObjectKind.ALL) {
          insertAll(object, cl, kind, revision);
        }
      }
    }
  }

  private static <T> void insertAll(PreparedStatement ps, Cluster cl, ObjectKind<T> kind, int revision) throws Exception {
    List<T> items = kind.itemsOf(cl);
    for (int i = 0; i < items.size(); i++) {
      ps.setString(1, cl.clusterId());
      ps.setString(2, kind.key());
      ps.setString(3, kind.nameOf(items.get(i)));
      ps.setInt(4, i);
      ps.setInt(5, revision);
      ps.setString(6, kind.writer().writeValueAsString(items.get(i)));
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
