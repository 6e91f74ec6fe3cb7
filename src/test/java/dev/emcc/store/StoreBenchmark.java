package dev.emcc.store;

import dev.emcc.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A throwaway measurement, not a test: the store against the benchmark's workspace (40,000 phones,
 * 40,000 device profiles, 20,000 end users, 10,000 EMCC devices). Prints the median of several
 * runs of: a first save into a new file, a load, a save with nothing changed, a save with one
 * phone changed, and the raw baseline (the same rows' JSON text batch-inserted with plain JDBC).
 *
 * <p>Run: {@code mvn -q -o test-compile} then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.emcc.store.StoreBenchmark [runs]}.
 */
public final class StoreBenchmark {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Workspace ws = StoreFixtures.generated(40_000, 40_000, 20_000, 10_000);
    Path dir = Files.createTempDirectory("emcc-store-bench");
    List<Long> firstSave = new ArrayList<>();
    List<Long> load = new ArrayList<>();
    List<Long> unchanged = new ArrayList<>();
    List<Long> onePhone = new ArrayList<>();
    List<Long> raw = new ArrayList<>();
    List<Long> firstSaveCpu = new ArrayList<>();
    List<Long> loadCpu = new ArrayList<>();
    List<Long> rawCpu = new ArrayList<>();
    List<Long> unchangedCpu = new ArrayList<>();
    List<Long> onePhoneCpu = new ArrayList<>();
    for (int run = 0; run < runs + 1; run++) {
      Path db = dir.resolve("run" + run + ".db");
      long c0 = cpu();
      long t0 = System.nanoTime();
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        store.save(ws);
      }
      long t1 = System.nanoTime();
      long c1 = cpu();
      Workspace loaded;
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        long lc0 = cpu();
        long l0 = System.nanoTime();
        loaded = store.load();
        long l1 = System.nanoTime();
        long lc1 = cpu();
        if (run > 0) {
          loadCpu.add(lc1 - lc0);
          firstSaveCpu.add(c1 - c0);
        } else {
          System.out.printf("cold load (first in this JVM): %d ms wall, %d ms CPU%n", (l1 - l0) / 1_000_000,
              (lc1 - lc0) / 1_000_000);
        }
        store.save(loaded);
        long l2 = System.nanoTime();
        long uc = cpu();
        Workspace edited = loaded.updateCluster("TOKYO", c -> {
          var phones = new ArrayList<>(c.phones());
          phones.set(20_000, WorkspaceStoreTest.withAddress(phones.get(20_000), "10.9.9.9"));
          return c.withPhones(phones);
        });
        long l3 = System.nanoTime();
        long oc0 = cpu();
        store.save(edited);
        long l4 = System.nanoTime();
        long oc1 = cpu();
        if (run > 0) { // run 0 warms the JIT
          firstSave.add(t1 - t0);
          load.add(l1 - l0);
          unchanged.add(l2 - l1);
          onePhone.add(l4 - l3);
          unchangedCpu.add(uc - lc1);
          onePhoneCpu.add(oc1 - oc0);
        }
      }
      long rc0 = cpu();
      long r = rawInsert(dir.resolve("raw" + run + ".db"), ws);
      long rc1 = cpu();
      if (run > 0) {
        raw.add(r);
        rawCpu.add(rc1 - rc0);
      }
      System.out.printf("run %d: first save %d ms, load %d ms, raw %d ms%n", run, (t1 - t0) / 1_000_000,
          load.isEmpty() ? 0 : load.get(load.size() - 1) / 1_000_000, r / 1_000_000);
    }
    System.out.printf("medians of %d runs (wall): first save %d ms | raw JDBC batch insert %d ms | load %d ms"
            + " | save unchanged %d ms | save one phone changed %d ms%n",
        runs, median(firstSave), median(raw), median(load), median(unchanged), median(onePhone));
    System.out.printf("medians of %d runs (process CPU): first save %d ms | raw %d ms | load %d ms"
            + " | save unchanged %d ms | save one phone changed %d ms%n",
        runs, median(firstSaveCpu), median(rawCpu), median(loadCpu), median(unchangedCpu), median(onePhoneCpu));
    System.out.printf("load average during the runs: %.1f on %d processors%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf("rows: %d objects; file %d MB%n", WorkspaceStoreTest.countObjects(ws),
        Files.size(dir.resolve("run1.db")) / 1_000_000);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /** The baseline: the same rows (JSON text made beforehand) in one batch, one transaction. */
  static long rawInsert(Path db, Workspace ws) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (var c : ws.clusters()) {
      for (ObjectKind<?> k : ObjectKind.ALL) {
        addRows(rows, c, k);
      }
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    long t0 = System.nanoTime();
    try (Connection conn = config.createConnection("jdbc:sqlite:" + db)) {
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
    return System.nanoTime() - t0;
  }

  private static <T> void addRows(List<String[]> rows, dev.emcc.model.Cluster c, ObjectKind<T> k) throws Exception {
    for (T item : k.itemsOf(c)) {
      rows.add(new String[] {c.clusterId(), k.key(), k.nameOf(item), k.writer().writeValueAsString(item)});
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long median(List<Long> nanos) {
    long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return a.length == 0 ? 0 : a[a.length / 2] / 1_000_000;
  }

  @SuppressWarnings("unused")
  private static String show(long[] a) {
    return Arrays.toString(a);
  }
}
