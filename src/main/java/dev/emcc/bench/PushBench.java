package dev.emcc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.NodeServer;
import dev.emcc.node.RunningNode;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.PushResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.SyncBase;
import dev.emcc.sync.Syncer;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code emcc sync push} of one cluster of the workspace to an in-process node on 127.0.0.1: a full
 * push into an empty node and a delta push of changed phones, each against posting the same batch
 * bytes over the same kind of HTTPS connection (same certificate, same pinned client) to a bare
 * JDK HttpsServer that reads and discards them.
 */
final class PushBench {
  private PushBench() {}

  /** Quiet: the benchmark prints figures, not the node's log. */
  static final NodeServer.NodeLog QUIET = new NodeServer.NodeLog() {
    @Override
    public void info(String line) {}

    @Override
    public void error(String line, Throwable cause) {}
  };

  static List<Figure> run(Workspace ws, Path dir, BenchSizes sizes) throws Exception {
    Cluster cluster = ws.clusters().get(0);
    String id = cluster.clusterId();
    Path file = dir.resolve("push-workspace.json");
    SortedMap<ObjectKey, JsonNode> all = ClusterObjects.split(cluster);
    List<NodeClient.ObjectChange> allChanges = new ArrayList<>();
    all.forEach((k, v) -> allChanges.add(new NodeClient.ObjectChange(k, 0, v)));
    byte[] fullBody = NodeClient.batchBody(id, allChanges);
    // the node's floor: the same rows as JSON text inserted by plain JDBC, one transaction
    List<String[]> rows = new ArrayList<>(all.size());
    all.forEach((k, v) -> rows.add(new String[] {id, k.collection(), k.name(), v.toString()}));
    Samples jdbcFloor = new Samples();

    Samples full = new Samples();
    Samples delta = new Samples();
    Samples deltaFile = new Samples();
    Samples fileFirst = new Samples();
    Samples gcPauses = new Samples();
    Samples fullBare = new Samples();
    Samples deltaBare = new Samples();
    int changed = Math.min(sizes.changedObjects(), cluster.phones().size());
    ExecutorService bareExecutor = Executors.newFixedThreadPool(4);
    // run -1 warms the JIT, the TLS stack and the servers; it is not recorded
    for (int run = -1; run < sizes.runs(); run++) {
      try (RunningNode node = RunningNode.start(dir.resolve("node-" + run), "127.0.0.1", 0,
          NodeServer.DEFAULT_BODY_LIMIT, null, QUIET)) {
        // same certificate as this run's node, so the same pinned client works against both
        HttpsServer bare = bareServer(node, bareExecutor);
        NodeRef ref = new NodeRef("https://127.0.0.1:" + node.port(), node.identity().fingerprint(),
            node.identity().token(), null);
        NodeClient client = new NodeClient(ref);
        NodeClient raw = new NodeClient(new NodeRef("https://127.0.0.1:" + bare.getAddress().getPort(),
            ref.fingerprint(), ref.token(), null));
        client.health();
        raw.send("GET", "/warm", null, Map.of());
        // a fresh sync base: the first push of this workspace to this node is a full one
        Path baseFile = SyncBase.fileFor(file);
        for (String suffix : List.of("", "-wal", "-shm")) {
          Files.deleteIfExists(baseFile.resolveSibling(baseFile.getFileName() + suffix));
        }
        // the console's push: the workspace is in memory (SyncView's ModelWorkspace hands the
        // Syncer the model's current snapshot), the sync base beside the workspace file
        InMemory console = new InMemory(Workspace.of(List.of(cluster)), baseFile);
        Syncer syncer = new Syncer(console, RetryPolicy.DEFAULT);

        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        PushResult f = syncer.push(List.of(client), id).get(0);
        long fullNs = System.nanoTime() - t0;
        long fullGc = gcMillis() - gc0;
        check(f, "full push");
        long t1 = System.nanoTime();
        raw.send("POST", "/discard", fullBody, Map.of("Content-Type", "application/json"));
        long fullBareNs = System.nanoTime() - t1;

        Cluster edited = changePhones(cluster, changed, "changed in run " + run, 0);
        console.workspace = Workspace.of(List.of(edited));
        long t2 = System.nanoTime();
        PushResult d = syncer.push(List.of(client), id).get(0);
        long deltaNs = System.nanoTime() - t2;
        check(d, "delta push");
        if (d.pushed() != changed) {
          throw new IllegalStateException("the delta push sent " + d.pushed() + " objects, expected " + changed);
        }
        byte[] deltaBody = NodeClient.batchBody(id, deltaChanges(edited, changed));
        long t3 = System.nanoTime();
        raw.send("POST", "/discard", deltaBody, Map.of("Content-Type", "application/json"));
        long deltaBareNs = System.nanoTime() - t3;

        // emcc sync push --workspace FILE: first of the workspace as it stands (nothing to push:
        // the first push from this file reads it whole and keeps its index in the base), then of
        // another 100 phones changed in the file
        WorkspaceFormat.write(Workspace.of(List.of(edited)), file);
        Syncer fromFile = new Syncer(LocalWorkspace.file(file), RetryPolicy.DEFAULT);
        long t6 = System.nanoTime();
        PushResult first = fromFile.push(List.of(client), id).get(0);
        long firstFileNs = System.nanoTime() - t6;
        check(first, "first push from the file");
        if (first.pushed() != 0) {
          throw new IllegalStateException("the first push from the file sent " + first.pushed() + " objects, expected 0");
        }
        Cluster editedAgain = changePhones(edited, changed, "file run " + run, 1);
        WorkspaceFormat.write(Workspace.of(List.of(editedAgain)), file);
        long t4 = System.nanoTime();
        PushResult df = fromFile.push(List.of(client), id).get(0);
        long deltaFileNs = System.nanoTime() - t4;
        check(df, "delta push from the file");
        if (df.pushed() != changed) {
          throw new IllegalStateException("the file's delta push sent " + df.pushed() + " objects, expected " + changed);
        }
        bare.stop(0);
        Path floorDb = dir.resolve("floor-" + run + ".db");
        long t5 = System.nanoTime();
        StoreBench.rawInsert(floorDb, rows);
        long floorNs = System.nanoTime() - t5;
        if (run >= 0) {
          fileFirst.addNanos(firstFileNs);
          gcPauses.add(fullGc);
          jdbcFloor.addNanos(floorNs);
          full.addNanos(fullNs);
          fullBare.addNanos(fullBareNs);
          delta.addNanos(deltaNs);
          deltaBare.addNanos(deltaBareNs);
          deltaFile.addNanos(deltaFileNs);
        }
      }
    }
    bareExecutor.shutdownNow();
    String objs = all.size() + " objects, " + String.format("%.1f MB", fullBody.length / 1e6);
    // issue 18's baseline of a full push: the raw transfer plus the node's floor, run by run
    Samples rawPlusFloor = new Samples();
    for (int i = 0; i < full.n(); i++) {
      rawPlusFloor.add(fullBare.values().get(i) + jdbcFloor.values().get(i));
    }
    String gcNote = String.format(java.util.Locale.ROOT, "G1 pauses during each full push (client and node in one "
        + "JVM): median %.0f ms (%.0f-%.0f)", gcPauses.median(), gcPauses.min(), gcPauses.max());
    return List.of(
        new Figure("push.full", "full push (the console's push: workspace in memory, Syncer.push) of cluster " + id
            + " (" + objs + ") into an empty in-process node on 127.0.0.1 (the bulk path)", "ms", full,
            "the same batch bytes POSTed over HTTPS to a bare JDK HttpsServer (read and discard) plus the node's JDBC "
            + "floor (push.full.jdbcFloor), run by run", rawPlusFloor, "within 2x (raw HTTPS + JDBC floor)",
            full.median() <= 2 * rawPlusFloor.median(), gcNote, null),
        new Figure("push.delta", "delta push of " + changed + " changed phones, the console's push (workspace in "
            + "memory as SyncView has it: digest, plan, list the node's changes, send, record the sync base)", "ms",
            delta, "the same " + changed + " objects' batch bytes POSTed to the bare HTTPS server", deltaBare,
            "< 200 ms", delta.median() < 200, null, null),
        new Figure("push.delta.file", "delta push of " + changed + " changed phones with emcc sync push --workspace "
            + "FILE (the " + objs + " workspace file, pushed from once before: only its changed elements are read)",
            "ms", deltaFile, "the same " + changed + " objects' batch bytes POSTed to the bare HTTPS server", deltaBare,
            "< 200 ms", deltaFile.median() < 200, null, null),
        new Figure("push.file.first", "the first emcc sync push --workspace FILE of the same file (nothing to push: "
            + "every element read, the file's index kept in the sync base)", "ms", fileFirst,
            "the same " + changed + " objects' batch bytes POSTed to the bare HTTPS server", deltaBare, null, null, null,
            null),
        new Figure("push.full.jdbcFloor", "the node's floor for a full push: plain JDBC batch INSERT of the same "
            + all.size() + " objects as JSON text into a new SQLite file (WAL, synchronous NORMAL), one transaction",
            "ms", jdbcFloor, "the full batch POSTed to the bare HTTPS server", fullBare, null, null, null, null));
  }

  /** Milliseconds the JVM's collectors have spent (G1: its pauses), so far. */
  private static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** The console's side as SyncView's ModelWorkspace gives it: a snapshot in memory. */
  private static final class InMemory implements LocalWorkspace {
    private volatile Workspace workspace;
    private final Path baseFile;

    InMemory(Workspace workspace, Path baseFile) {
      this.workspace = workspace;
      this.baseFile = baseFile;
    }

    @Override
    public Workspace load() {
      return workspace;
    }

    @Override
    public dev.emcc.edit.EditResult save(Workspace next, String summary) {
      workspace = next;
      return null;
    }

    @Override
    public Path baseFile() {
      return baseFile;
    }
  }

  private static void check(PushResult r, String what) {
    if (!r.ok()) {
      throw new IllegalStateException(what + " failed: " + r);
    }
  }

  private static Cluster changePhones(Cluster c, int count, String description, int offset) {
    List<Phone> phones = new ArrayList<>(c.phones());
    int step = Math.max(1, phones.size() / count);
    for (int i = 0; i < count; i++) {
      int at = Math.min(phones.size() - 1, i * step + offset);
      Phone p = phones.get(at);
      phones.set(at, new Phone(p.name(), description + " #" + i, p.model(), p.protocol(), p.enableExtensionMobility(),
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
    }
    return c.withPhones(phones);
  }

  private static List<NodeClient.ObjectChange> deltaChanges(Cluster edited, int count) {
    SortedMap<ObjectKey, JsonNode> split = ClusterObjects.split(edited);
    List<Phone> phones = edited.phones();
    int step = Math.max(1, phones.size() / count);
    List<NodeClient.ObjectChange> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectKey k = new ObjectKey("phones", phones.get(i * step).name());
      out.add(new NodeClient.ObjectChange(k, 1, split.get(k)));
    }
    return out;
  }

  private static HttpsServer bareServer(RunningNode node, ExecutorService executor) throws Exception {
    HttpsServer bare = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    bare.setHttpsConfigurator(new HttpsConfigurator(node.identity().sslContext()));
    bare.setExecutor(executor);
    bare.createContext("/", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, ok.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(ok);
      }
      ex.close();
    });
    bare.start();
    return bare;
  }
}
