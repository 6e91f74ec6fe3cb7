package dev.emcc.bench;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.emcc.axl.AxlClient;
import dev.emcc.axl.AxlPlan;
import dev.emcc.axl.AxlProgress;
import dev.emcc.axl.AxlPush;
import dev.emcc.axl.AxlReader;
import dev.emcc.axl.AxlVersion;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.node.NodeServer;
import dev.emcc.node.RunningNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code emcc axl pull} of a one-cluster workspace of the bench's phone count from an in-process
 * node over AXL, and a push of changed phones, each beside the raw transfer of the same SOAP bytes
 * over the same kind of connection: the recorded requests POSTed one after another by the same
 * pinned client to a bare JDK HttpsServer (same certificate) that answers each with the recorded answer.
 */
final class AxlBench {
  /** The bench's AXL client signs in as this application user of the cluster (AXL role). */
  private static final String USER = "axl-bench";
  private static final String PASSWORD = "axl-bench-password";

  private AxlBench() {}

  /** One recorded exchange: what was sent and what came back. */
  private record Exchange(String operation, byte[] request, byte[] answer) {}

  static List<Figure> run(Path dir, BenchSizes sizes) throws Exception {
    // one cluster holding all the bench's phones (the 40,000-phone cluster)
    int profiles = Math.min(sizes.profiles(), sizes.phones());
    int users = Math.min(sizes.users(), profiles);
    int emcc = Math.min(sizes.emccDevices(), (Cluster.DEFAULT_MAX_PHONES - sizes.phones()) / 2);
    // the generator spreads over at least two clusters (EMCC links two): twice the counts, the first cluster
    Cluster generated = WorkspaceGenerator.generate(2 * sizes.phones(), 2 * profiles, 2 * users, 2 * emcc, 2, 11)
        .clusters().get(0);
    Cluster cluster = generated.withApplicationUsers(List.of(new ApplicationUser(USER, "emcc bench", null,
        List.of(ApplicationUser.AXL_API_ACCESS)).withPassword(PASSWORD)));
    int changed = Math.min(sizes.changedObjects(), cluster.phones().size());
    Samples pull = new Samples();
    Samples pullRaw = new Samples();
    Samples push = new Samples();
    Samples pushRaw = new Samples();
    long requests = 0;
    long bytes = 0;
    ExecutorService executor = Executors.newFixedThreadPool(4);
    int runs = Math.max(3, Math.min(sizes.runs(), 3)); // the issue asks for the median of 3
    try {
      for (int run = -1; run < runs; run++) {
        try (RunningNode node = RunningNode.start(dir.resolve("axl-node-" + run), "127.0.0.1", 0,
            NodeServer.DEFAULT_BODY_LIMIT, cluster, PushBench.QUIET)) {
          ConcurrentLinkedQueue<byte[]> answers = new ConcurrentLinkedQueue<>();
          HttpsServer bare = replaying(node, executor, answers);
          AxlClient client = client(node.port(), node);
          AxlClient raw = client(bare.getAddress().getPort(), node);
          List<Exchange> recorded = java.util.Collections.synchronizedList(new ArrayList<>());
          client.wire((op, req, status, resp) -> recorded.add(new Exchange(op, req, resp)));

          long t0 = System.nanoTime();
          Cluster read = new AxlReader(client, AxlProgress.NONE).read(cluster.clusterId(), null);
          long pullNs = System.nanoTime() - t0;
          if (read.phones().size() != cluster.phones().size()) {
            throw new IllegalStateException("the pull read " + read.phones().size() + " phones of "
                + cluster.phones().size());
          }
          long rawPullNs = replay(raw, recorded, answers, 4);

          recorded.clear();
          List<Phone> phones = new ArrayList<>(read.phones());
          for (int i = 0; i < changed; i++) {
            Phone p = phones.get(i);
            phones.set(i, new Phone(p.name(), "changed in run " + run, p.model(), p.protocol(),
                p.enableExtensionMobility(), p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(),
                p.geolocation(), p.address(), p.tftpEncryptedConfig()));
          }
          AxlPlan plan = AxlPlan.of(read.withPhones(phones), read, read);
          long t1 = System.nanoTime();
          AxlPush.Report report = AxlPush.run(client, plan, AxlProgress.NONE);
          long pushNs = System.nanoTime() - t1;
          if (!report.complete() || report.applied().size() != changed) {
            throw new IllegalStateException("the push applied " + report.applied().size() + " of " + changed
                + (report.failure() == null ? "" : ": " + report.failure().getMessage()));
          }
          long rawPushNs = replay(raw, recorded, answers, 1);
          bare.stop(0);
          if (run >= 0) {
            pull.addNanos(pullNs);
            pullRaw.addNanos(rawPullNs);
            push.addNanos(pushNs);
            pushRaw.addNanos(rawPushNs);
          }
          requests = report.requests();
        }
      }
    } finally {
      executor.shutdownNow();
    }
    String what = String.format(java.util.Locale.ROOT, "%,d phones, %,d device profiles, %,d users", cluster.phones().size(),
        cluster.deviceProfiles().size(), cluster.endUsers().size());
    return List.of(
        new Figure("axl.pull", "emcc axl pull of one cluster (" + what + ") from an in-process node on 127.0.0.1 over "
            + "AXL 12.5: list names page by page, get each object, the feature parameters and the service profile, "
            + "decode onto the workspace model", "ms", pull,
            "the same SOAP requests POSTed by the same pinned client, four at a time as the pull sends its gets, to a "
            + "bare JDK HttpsServer answering each with a recorded answer", pullRaw, null, null,
            "AXL's list answers lack most elements, so every object is one get request", null),
        new Figure("axl.push", "push of " + changed + " changed phones over AXL (" + requests + " updatePhone "
            + "requests, one at a time)", "ms", push,
            "the same " + requests + " SOAP requests POSTed to the bare HttpsServer answering the recorded answers",
            pushRaw, null, null, null, null));
  }

  private static AxlClient client(int port, RunningNode node) {
    return new AxlClient(new AxlClient.Target("127.0.0.1", port, USER, PASSWORD, AxlVersion.DEFAULT,
        node.identity().fingerprint()));
  }

  /**
   * Sends the recorded requests to the bare server, {@code parallel} at a time as the measured
   * work sent them (the pull's gets go out four at a time, writes one at a time); the server answers
   * each with a recorded answer (the same bytes, in the order asked).
   */
  private static long replay(AxlClient raw, List<Exchange> recorded, ConcurrentLinkedQueue<byte[]> answers,
      int parallel) throws Exception {
    answers.clear();
    List<Exchange> all = new ArrayList<>(recorded);
    all.forEach(e -> answers.add(e.answer()));
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    long t = System.nanoTime();
    List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      runs.add(pool.submit(() -> {
        for (int n = next.getAndIncrement(); n < all.size(); n = next.getAndIncrement()) {
          raw.raw(all.get(n).operation(), all.get(n).request());
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> f : runs) {
      f.get();
    }
    long took = System.nanoTime() - t;
    pool.shutdownNow();
    return took;
  }

  private static HttpsServer replaying(RunningNode node, ExecutorService executor, ConcurrentLinkedQueue<byte[]> answers)
      throws Exception {
    HttpsServer bare = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    bare.setHttpsConfigurator(new HttpsConfigurator(node.identity().sslContext()));
    bare.setExecutor(executor);
    bare.createContext("/", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      byte[] answer = answers.poll();
      byte[] body = answer == null ? new byte[0] : answer;
      ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
      ex.close();
    });
    bare.start();
    return bare;
  }
}
