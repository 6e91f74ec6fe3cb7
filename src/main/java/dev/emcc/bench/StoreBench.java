package dev.emcc.bench;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.wire.ClusterObjects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite store's save (into a new file) and load, against the floor of plain JDBC: the same
 * rows, their JSON text made beforehand, batch-inserted in one transaction and selected back as
 * strings, with the store's settings (WAL, synchronous NORMAL).
 */
final class StoreBench {
  private StoreBench() {}

  static List<Figure> run(Workspace ws, Path dir, BenchSizes sizes, String sizeText) throws Exception {
    List<String[]> rows = rows(ws);
    Samples save = Timer.time(sizes.runs(), run -> {
      try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("store-" + run + ".db"))) {
        store.save(ws);
      }
    });
    Samples rawInsert = Timer.time(sizes.runs(), run -> rawInsert(dir.resolve("raw-" + run + ".db"), rows));
    Path saved = dir.resolve("store-0.db");
    int[] count = new int[1];
    Samples load = Timer.time(sizes.runs(), run -> {
      try (WorkspaceStore store = WorkspaceStore.open(saved)) {
        count[0] = store.load().clusters().size();
      }
    });
    Path raw = dir.resolve("raw-0.db");
    Samples rawSelect = Timer.time(sizes.runs(), run -> rawSelect(raw, rows.size()));
    String rowsText = rows.size() + " rows";
    double loadMs = load.median();
    List<Figure> out = new ArrayList<>();
    if (sizes.childJvms()) {
      // The console loads once per process: the figure a user waits for is the first load.
      Samples cold = new Samples();
      Samples coldRaw = new Samples();
      Samples coldRows = new Samples();
      // a copy without its snapshot (each run drops the one the previous run's close wrote)
      Path stale = dir.resolve("store-stale.db");
      java.nio.file.Files.copy(saved, stale);
      for (int run = 0; run < sizes.childRuns(); run++) {
        cold.add(ColdLoad.inChild(saved, false));
        coldRaw.add(ColdLoad.inChild(raw, true));
        dropSnapshot(stale);
        coldRows.add(ColdLoad.inChild(stale, false));
      }
      out.add(new Figure("store.load.cold", "the first load in a JVM just started, as the console does it ("
          + rowsText + "): open + load into records (from the snapshot the save wrote), timed inside a child JVM",
          "ms", cold, "plain JDBC SELECT of the same rows as JSON strings, first thing in a child JVM", coldRaw,
          "< 1000 ms and at most 1.0x the raw SELECT", cold.median() < 1000 && cold.median() <= coldRaw.median(),
          null, null));
      out.add(new Figure("store.load.cold.rows", "as store.load.cold when the snapshot is stale (a row changed "
          + "behind the store): the rows are read and the snapshot is written again as the store closes", "ms",
          coldRows, "plain JDBC SELECT of the same rows as JSON strings, first thing in a child JVM", coldRaw, null,
          null, null, null));
    }
    out.addAll(List.of(
        new Figure("store.load", "load the workspace from the SQLite store (" + sizeText + ", " + rowsText
            + "): open + load into records", "ms", load, "plain JDBC SELECT of the same rows as JSON strings",
            rawSelect, "< 1000 ms", loadMs < 1000, "in the bench's JVM after one warm-up load", null),
        new Figure("store.save", "save the workspace into a new SQLite store (" + rowsText + "): open + save + close",
            "ms", save, "plain JDBC batch INSERT of the same rows as JSON text (made beforehand), one transaction",
            rawInsert, "within 2x raw JDBC", save.median() <= 2 * rawInsert.median(), null, null)));
    return out;
  }

  /** Makes a store's snapshot stale as a change of a row behind the store would (no store involved). */
  private static void dropSnapshot(Path db) throws SQLException {
    try (Connection conn = config().createConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
      st.executeUpdate("DELETE FROM snapshot_meta");
    }
  }

  /**
   * Issue 11's history measure: {@code imports} generated workspaces of the benchmark's size (seeds
   * 1, 2, ...: each renames nearly every object, so every import after the first replaces all) saved
   * one after the other into one store, as {@code emcc import --db} saves them; the store's size
   * (file and WAL, after it closed) against the last workspace's file.
   */
  static Figure historySize(Path dir, BenchSizes sizes, int imports) throws Exception {
    Path db = dir.resolve("history.db");
    Path file = dir.resolve("history-workspace.json");
    for (int seed = 1; seed <= imports; seed++) {
      Workspace ws = dev.emcc.demo.WorkspaceGenerator.generate(sizes.phones(), sizes.profiles(), sizes.users(),
          sizes.emccDevices(), sizes.clusters(), seed);
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        store.save(ws, "import workspace-" + seed + ".json");
      }
      if (seed == imports) {
        dev.emcc.format.WorkspaceFormat.write(ws, file);
      }
    }
    long stored = 0;
    for (String suffix : List.of("", "-wal", ".snapshot")) {
      Path p = db.resolveSibling(db.getFileName() + suffix);
      stored += java.nio.file.Files.exists(p) ? java.nio.file.Files.size(p) : 0;
    }
    Samples size = new Samples();
    size.add(stored / 1e6);
    Samples workspace = new Samples();
    workspace.add(java.nio.file.Files.size(file) / 1e6);
    return new Figure("store.history.size", "the store (file, WAL and snapshot, closed) after " + imports + " imports of "
        + "generated workspaces of this size (seeds 1 to " + imports + ": every import after the first replaces "
        + "all), with its history within the default budget and its snapshot", "MB", size,
        "the last workspace's JSON file", workspace, "at most 1.5x the workspace",
        size.median() <= 1.5 * workspace.median(), null, null);
  }

  /** Every object of every cluster as (cluster, collection, name, JSON text), as the store keeps them. */
  static List<String[]> rows(Workspace ws) {
    List<String[]> rows = new ArrayList<>();
    for (Cluster c : ws.clusters()) {
      ClusterObjects.split(c).forEach((k, v) -> rows.add(new String[] {c.clusterId(), k.collection(), k.name(),
          v.toString()}));
    }
    return rows;
  }

  static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return config;
  }

  static void rawInsert(Path db, List<String[]> rows) throws SQLException {
    try (Connection conn = config().createConnection("jdbc:sqlite:" + db)) {
      try (Statement st = conn.createStatement()) {
        st.execute("CREATE TABLE object (cluster_id TEXT NOT NULL, collection TEXT NOT NULL, name TEXT NOT NULL,"
            + " position INTEGER NOT NULL, json TEXT NOT NULL)");
        st.execute("CREATE UNIQUE INDEX object_key ON object (cluster_id, collection, name)");
      }
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO object (cluster_id, collection, name, position, json) VALUES (?, ?, ?, ?, ?)")) {
        int i = 0;
        for (String[] row : rows) {
          ps.setString(1, row[0]);
          ps.setString(2, row[1]);
          ps.setString(3, row[2]);
          ps.setInt(4, i++);
          ps.setString(5, row[3]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      conn.commit();
    }
  }

  /** {@code expected} < 0: any number of rows. */
  static void rawSelect(Path db, int expected) throws SQLException {
    List<String> out = new ArrayList<>(Math.max(expected, 16));
    try (Connection conn = config().createConnection("jdbc:sqlite:" + db);
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT cluster_id, collection, name, json FROM object ORDER BY position")) {
      while (rs.next()) {
        rs.getString(1);
        rs.getString(2);
        rs.getString(3);
        out.add(rs.getString(4));
      }
    }
    if (expected >= 0 && out.size() != expected) {
      throw new IllegalStateException("raw select read " + out.size() + " rows, expected " + expected);
    }
  }
}
