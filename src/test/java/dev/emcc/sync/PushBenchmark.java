package dev.emcc.sync;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.ClusterObjects;
import dev.emcc.node.Fixtures;
import dev.emcc.node.ObjectKey;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Throwaway measurement (not a test): a full push of a cluster with 40,000 phones to an empty node
 * and a delta push of 100 changed phones, each beside posting the same bytes over HTTPS (same
 * certificate, same client, keep-alive) to a bare JDK HttpsServer that only reads and discards.
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) dev.emcc.sync.PushBenchmark
 */
public final class PushBenchmark {
  public static void main(String[] args) throws Exception {
    int phones = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    Path dir = Files.createTempDirectory("emcc-bench");
    RunningNode node = TestNodes.start(dir.resolve("node"), null);
    // the bare server: same identity, same TLS, no logic
    HttpsServer bare = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    bare.setHttpsConfigurator(new HttpsConfigurator(node.identity().sslContext()));
    bare.setExecutor(Executors.newFixedThreadPool(4));
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
    NodeRef nodeRef = TestNodes.ref(node);
    NodeClient raw = new NodeClient(new NodeRef("https://127.0.0.1:" + bare.getAddress().getPort(),
        nodeRef.fingerprint(), nodeRef.token(), null));

    Cluster base = Fixtures.cluster("TOKYO", "OSAKA", 0);
    List<Phone> list = new ArrayList<>(phones);
    StringBuilder sb = new StringBuilder("{\"clusterId\":\"TOKYO\",\"phones\":[");
    for (int i = 0; i < phones; i++) {
      sb.append(i == 0 ? "" : ",").append(Fixtures.phone("TOKYO", i));
    }
    list.addAll(WorkspaceFormat.readCluster(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8), "gen").phones());
    Path ws = dir.resolve("workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(base.withPhones(list))), ws);
    Syncer syncer = new Syncer(LocalWorkspace.file(ws), RetryPolicy.DEFAULT);
    NodeClient client = new NodeClient(nodeRef);
    raw.send("GET", "/warm", null, Map.of());
    client.health();

    // full push
    long t0 = System.nanoTime();
    PushResult full = syncer.push(List.of(client), "TOKYO").get(0);
    long fullMs = ms(t0);
    List<NodeClient.ObjectChange> all = new ArrayList<>();
    ClusterObjects.split(base.withPhones(list)).forEach((k, v) -> all.add(new NodeClient.ObjectChange(k, 0, v)));
    byte[] fullBody = NodeClient.batchBody("TOKYO", all);
    long t1 = System.nanoTime();
    raw.send("POST", "/discard", fullBody, Map.of("Content-Type", "application/json"));
    long fullRawMs = ms(t1);
    RunningNode second = TestNodes.start(dir.resolve("node2"), null);
    NodeClient client2 = TestNodes.client(second);
    client2.health();
    long tb = System.nanoTime();
    client2.applyChanges("TOKYO", all);
    long fullBatchMs = ms(tb);
    second.close();
    System.out.printf("  the full batch request alone (40k objects into an empty node): %d ms%n", fullBatchMs);
    System.out.printf("full push: %d objects, %.1f MB batch: emcc sync push %d ms (ok=%s); same bytes to a bare "
        + "HTTPS server %d ms%n", full.pushed(), fullBody.length / 1e6, fullMs, full.ok(), fullRawMs);

    // timed parts of the full push path, for the record
    long t2 = System.nanoTime();
    NodeClient.RemoteObjects objs = client.objects();
    System.out.printf("  GET /objects of %d objects: %d ms%n", objs.objects().size(), ms(t2));

    // delta push of 100 phones
    List<Phone> changed = new ArrayList<>(list);
    for (int i = 0; i < 100; i++) {
      int at = i * (phones / 100);
      Phone p = changed.get(at);
      changed.set(at, new Phone(p.name(), "changed " + i, p.model(), p.protocol(), p.enableExtensionMobility(),
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
    }
    WorkspaceFormat.write(Workspace.of(List.of(base.withPhones(changed))), ws);
    long t3 = System.nanoTime();
    PushResult delta = syncer.push(List.of(client), "TOKYO").get(0);
    long deltaMs = ms(t3);
    List<NodeClient.ObjectChange> hundred = new ArrayList<>();
    var split = ClusterObjects.split(base.withPhones(changed));
    for (int i = 0; i < 100; i++) {
      ObjectKey k = new ObjectKey("phones", changed.get(i * (phones / 100)).name());
      hundred.add(new NodeClient.ObjectChange(k, 1, split.get(k)));
    }
    byte[] deltaBody = NodeClient.batchBody("TOKYO", hundred);
    long t4 = System.nanoTime();
    raw.send("POST", "/discard", deltaBody, Map.of("Content-Type", "application/json"));
    long deltaRawMs = ms(t4);
    // the batch request alone, on the node (next 100 changes, based on the current revisions)
    NodeClient.RemoteObjects now = client.objects();
    List<NodeClient.ObjectChange> again = new ArrayList<>();
    for (NodeClient.ObjectChange c : hundred) {
      again.add(new NodeClient.ObjectChange(c.key(), now.objects().get(c.key()).revision(),
          ((com.fasterxml.jackson.databind.node.ObjectNode) c.value().deepCopy()).put("description", "again")));
    }
    long t5 = System.nanoTime();
    client.applyChanges("TOKYO", again);
    long batchOnlyMs = ms(t5);
    long t6 = System.nanoTime();
    ClusterObjects.split(LocalWorkspace.file(ws).load().cluster("TOKYO").orElseThrow());
    long localMs = ms(t6);
    long t7 = System.nanoTime();
    SyncBase b = SyncBase.load(SyncBase.fileFor(ws));
    b.save();
    long baseMs = ms(t7);
    System.out.printf("  client side: read the 40k-phone workspace and split it %d ms; load+save the sync base %d ms%n",
        localMs, baseMs);
    System.out.printf("delta push: %d objects, %.1f kB batch: emcc sync push %d ms (ok=%s) of which the batch "
        + "request alone ~%d ms; same bytes to a bare HTTPS server %d ms%n", delta.pushed(), deltaBody.length / 1e3,
        deltaMs, delta.ok(), batchOnlyMs, deltaRawMs);
    node.close();
    bare.stop(0);
    System.exit(0);
  }

  static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
