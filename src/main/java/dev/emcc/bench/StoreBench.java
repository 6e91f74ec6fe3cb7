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
      for (int run = 0; run < sizes.childRuns(); run++) {
        cold.add(ColdLoad.inChild(saved, false));
        coldRaw.add(ColdLoad.inChild(raw, true));
      }
      out.add(new Figure("store.load.cold", "the first load in a JVM just started, as the console does it ("
          + rowsText + "): open + load into records, timed inside a child JVM", "ms", cold,
          "plain JDBC SELECT of the same rows as JSON strings, first thing in a child JVM", coldRaw, "< 1000 ms",
          cold.median() < 1000, null, null));
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
