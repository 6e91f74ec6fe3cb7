package dev.emcc.bench;

import dev.emcc.model.PinHash;
import dev.emcc.sim.LoginStorm;

/**
 * Simulator logins per second, in process ({@link LoginStorm}: every check of the EMCC login flow),
 * against the PIN check alone at the storm's PBKDF2 work factor (the one step every login must pay).
 */
final class SimBench {
  private SimBench() {}

  static Figure run(BenchSizes sizes) throws Exception {
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
}
