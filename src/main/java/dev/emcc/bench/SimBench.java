package dev.emcc.bench;

import dev.emcc.model.PinHash;
import dev.emcc.node.LiveNetwork;
import dev.emcc.sim.LoginStorm;
import java.util.List;

/**
 * Simulator logins per second. In process ({@link LoginStorm}: every check of the EMCC login flow)
 * against the PIN check alone at the storm's PBKDF2 work factor (the one step every login must pay);
 * over the wire (the same storm with the clusters as HTTPS nodes on 127.0.0.1, {@link LiveNetwork})
 * against the in-process rate of that same storm, measured right after it in the same run.
 */
final class SimBench {
  private SimBench() {}

  static List<Figure> run(BenchSizes sizes) throws Exception {
    return List.of(inProcess(sizes), live(sizes));
  }

  private static Figure inProcess(BenchSizes sizes) {
    // every login pays a PBKDF2 check: a few thousand logins give a steady rate without minutes of hashing
    int logins = Math.max(200, Math.min(4000, sizes.users()));
    int users = Math.max(100, logins / 4);
    int phones = users;
    Samples perSecond = new Samples();
    Samples pinOnly = new Samples();
    String hash = PinHash.hash(LoginStorm.PIN, LoginStorm.ITERATIONS);
    int failures = 0;
    for (int run = -1; run < sizes.runs(); run++) {
      LoginStorm.Report r = LoginStorm.run(logins, users, phones);
      long t0 = System.nanoTime();
      for (int i = 0; i < logins; i++) {
        if (!PinHash.verify(LoginStorm.PIN, hash)) {
          throw new IllegalStateException("the PIN check failed");
        }
      }
      double pinSeconds = (System.nanoTime() - t0) / 1e9;
      if (run >= 0) {
        perSecond.add(r.loginsPerSecond());
        pinOnly.add(logins / pinSeconds);
        failures += r.failures();
      }
    }
    return new Figure("sim.logins", "simulator logins per second, in process (LoginStorm: " + logins + " logins of "
        + users + " users on " + phones + " phones, every check of the flow; higher is better)", "logins/s",
        perSecond, "PIN checks per second alone (PBKDF2, " + LoginStorm.ITERATIONS + " iterations, as in the storm)",
        pinOnly, null, null, failures == 0 ? null : failures + " logins failed", null);
  }

  private static Figure live(BenchSizes sizes) {
    // each login is a few HTTPS requests: a quarter of the in-process storm keeps the run short
    int logins = Math.max(100, Math.min(1000, sizes.users() / 4));
    int users = Math.max(50, logins / 4);
    int phones = users;
    Samples live = new Samples();
    Samples inProcess = new Samples();
    int failures = 0;
    // one network for every run, as `emcc simulate --storm --live` has for its storm: keys issued once
    try (LiveNetwork network = new LiveNetwork()) {
      for (int run = -1; run < sizes.runs(); run++) {
        LoginStorm.Report wire = LoginStorm.run(logins, users, phones, network::open);
        LoginStorm.Report local = LoginStorm.run(logins, users, phones);
        if (run >= 0) {
          live.add(wire.loginsPerSecond());
          inProcess.add(local.loginsPerSecond());
          failures += wire.failures() + local.failures();
        }
      }
    }
    return new Figure("sim.logins.live", "simulator logins per second over the wire (LoginStorm --live: " + logins
        + " logins of " + users + " users on " + phones + " phones, the clusters as HTTPS nodes on 127.0.0.1, each "
        + "login's calls between the clusters real TLS requests; higher is better)", "logins/s", live,
        "the same storm in process, measured right after it in the same run", inProcess, null, null,
        failures == 0 ? null : failures + " logins failed", null);
  }
}
