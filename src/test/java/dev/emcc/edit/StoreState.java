package dev.emcc.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a workspace database holds, compared whole before and after a write that failed: the
 * workspace, the history, every cluster's revision and the kept BAT columns; and SQLite triggers
 * that make a write fail half-way, as a constraint of the file would.
 */
public record StoreState(String workspace, List<HistoryEntry> history, List<Long> revisions, List<String> keptColumns) {
  public static StoreState of(Path db) throws SQLException {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      List<Long> revisions = store.clusterIds().stream().map(store::revision).toList();
      return new StoreState(WorkspaceFormat.toJson(store.load()), store.history(1_000), revisions, rows(db,
          "SELECT cluster_id || '/' || collection || '/' || name || '@' || change_set || ' ' || columns"
              + " FROM bat_column ORDER BY 1"));
    }
  }

  /**
   * Makes every write that records a change into {@code table} fail there, after the object rows
   * are written: {@code change} (a change's history), {@code change_pack} (a big one's) or
   * {@code bat_column} (kept BAT columns).
   */
  public static void failWritesInto(Path db, String table) throws SQLException {
    exec(db, "CREATE TRIGGER test_fails_" + table + " BEFORE INSERT ON " + table
        + " BEGIN SELECT RAISE(ABORT, 'the test refuses writes into " + table + "'); END");
  }

  /** Drops the triggers of {@link #failWritesInto}. */
  public static void allowWrites(Path db) throws SQLException {
    for (String trigger : rows(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'test_fails_%'")) {
      exec(db, "DROP TRIGGER " + trigger);
    }
  }

  /** The file's own check finds nothing wrong. */
  public static void assertIntact(Path db) throws SQLException {
    assertThat(rows(db, "PRAGMA integrity_check")).containsExactly("ok");
  }

  private static void exec(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static List<String> rows(Path db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
