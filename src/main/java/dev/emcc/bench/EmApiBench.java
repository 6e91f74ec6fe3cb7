package dev.emcc.bench;

import dev.emcc.model.ApplicationUser;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.format.Json;
import dev.emcc.node.ApplicationUserCheck;
import dev.emcc.node.ClusterState;
import dev.emcc.node.EmApiExchange;
import dev.emcc.node.EmXml;
import dev.emcc.node.Listeners;
import dev.emcc.node.NodeServer;
import dev.emcc.node.RunningNode;
import dev.emcc.node.ServerLimits;
import dev.emcc.wire.ObjectKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * EM API logins per second over HTTPS on one node, as a script logs a class in: one client, one
 * kept-alive TLS connection, a login per request (the form field {@code xml}, the application
 * user checked each time), every phone of the run a different user; the baseline is the same
 * client's {@code GET /api/v1/health} requests per second on the same node in the same run (the
 * cost of an HTTPS request alone). Each run ends with a {@code logoutAll}.
 */
final class EmApiBench {
  /** Issue 15 asks for the median of 5 runs (after one to warm up). */
  static final int RUNS = 5;

  private EmApiBench() {}

  static List<Figure> run(Workspace ws, Path dir, BenchSizes sizes) throws Exception {
    Cluster source = ws.clusters().get(0);
    List<Login> logins = logins(source, Math.max(100, Math.min(1000, sizes.users() / 4)));
    if (logins.isEmpty()) {
      return List.of(Figure.skipped("emapi.logins", "EM API logins per second", null,
          "the generated cluster has no phone with Extension Mobility and a user with a device profile"));
    }
    Samples loginsPerSecond = new Samples();
    Samples healthPerSecond = new Samples();
    int failures = 0;
    try (RunningNode node = RunningNode.start(dir.resolve("emapi-node"), Listeners.https("127.0.0.1", 0),
        ServerLimits.DEFAULTS, source, new Quiet())) {
      // the script's application user, put on the node as any object is (full-strength password hash)
      ClusterState state = node.server().state();
      state.apply(state.clusterId(), List.of(new ClusterState.Change(new ObjectKey(ApplicationUserCheck.COLLECTION,
          "emapi"), 0, Json.mapper().valueToTree(new ApplicationUser("emapi", "bench",
          dev.emcc.model.PinHash.hash("emapi-demo"), List.of(ApplicationUser.EM_PROXY_RIGHTS))))));
      URI base = URI.create("https://127.0.0.1:" + node.port());
      URI em = EmApiExchange.endpoint(base.toString());
      HttpClient client = EmApiExchange.client(em, node.identity().fingerprint());
      HttpRequest health = HttpRequest.newBuilder(base.resolve("/api/v1/health")).timeout(Duration.ofSeconds(60))
          .GET().build();
      String app = EmXml.appInfo("emapi", "emapi-demo");
      for (int run = -1; run < RUNS; run++) {
        long t0 = System.nanoTime();
        for (Login l : logins) {
          String answer = EmApiExchange.post(client, em, EmXml.login(app, l.device(), l.user(), null, null));
          if (!answer.equals("<response><success/></response>")) {
            failures++;
          }
        }
        double loginSeconds = (System.nanoTime() - t0) / 1e9;
        EmApiExchange.post(client, em, EmXml.logoutAll(app));
        long t1 = System.nanoTime();
        for (int i = 0; i < logins.size(); i++) {
          if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            failures++;
          }
        }
        double healthSeconds = (System.nanoTime() - t1) / 1e9;
        if (run >= 0) { // the first run warms up
          loginsPerSecond.add(logins.size() / loginSeconds);
          healthPerSecond.add(logins.size() / healthSeconds);
        }
      }
    }
    return List.of(new Figure("emapi.logins", "EM API logins per second over HTTPS on one node (" + logins.size()
        + " logins of different users on different phones from one client over a kept-alive connection, form "
        + "field xml, <appInfo> checked each time; higher is better)", "requests/s", loginsPerSecond,
        "GET /api/v1/health requests per second, same client, same node, same run", healthPerSecond, null, null,
        failures == 0 ? null : failures + " requests failed", null));
  }

  private record Login(String device, String user) {}

  /** Phones with Extension Mobility paired with users who have a device profile, one to one. */
  private static List<Login> logins(Cluster c, int max) {
    List<String> profiles = c.deviceProfiles().stream().map(DeviceProfile::name).toList();
    List<EndUser> users = c.endUsers().stream().filter(u -> !u.controlledProfiles().isEmpty()
        && profiles.containsAll(u.controlledProfiles())).toList();
    List<Phone> phones = c.phones().stream().filter(Phone::enableExtensionMobility).toList();
    List<Login> out = new ArrayList<>();
    for (int i = 0; i < Math.min(max, Math.min(users.size(), phones.size())); i++) {
      out.add(new Login(phones.get(i).name(), users.get(i).userId()));
    }
    return out;
  }

  private static final class Quiet implements NodeServer.NodeLog {
    @Override
    public void info(String line) {
      // the bench reports figures, not the node's log
    }

    @Override
    public void error(String line, Throwable cause) {
      System.err.println(line + ": " + cause);
    }
  }
}
