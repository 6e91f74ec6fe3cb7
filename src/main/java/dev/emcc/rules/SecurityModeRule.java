package dev.emcc.rules;

import dev.emcc.catalog.SecurityModes;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.Versions;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ClusterFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed tables 6-8, security modes across versions, for every home/visiting pair where the visiting
 * cluster is in mixed mode and has secure phones (warnings: only those phones are hit), decided by
 * {@link SecurityModes} as the simulator decides: both 9.x or later with a non-secure home: 46
 * (security.nonSecureHome); home 8.x: 45 (security.home8x); visiting 8.x, table 7's "not
 * supported": 45 (security.visiting8x, docs/simulator.md).
 */
public final class SecurityModeRule implements Rule {
  public static final String NON_SECURE_HOME = "security.nonSecureHome";
  public static final String HOME_8X = "security.home8x";
  public static final String VISITING_8X = "security.visiting8x";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(NON_SECURE_HOME, Set.of(46), HOME_8X, Set.of(45),
      VISITING_8X, Set.of(45));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    List<Cluster> clusters = workspace.clusters();
    int[] securePhones = new int[clusters.size()];
    for (int c = 0; c < clusters.size(); c++) {
      for (var p : clusters.get(c).phones()) {
        if (p.deviceSecurityMode().isSecure()) {
          securePhones[c]++;
        }
      }
    }
    for (int v = 0; v < clusters.size(); v++) {
      Cluster visiting = clusters.get(v);
      if (visiting.securityMode() != SecurityMode.MIXED || securePhones[v] == 0 || !supported(visiting)) {
        continue;
      }
      for (int h = 0; h < clusters.size(); h++) {
        Cluster home = clusters.get(h);
        if (h == v || !supported(home)) {
          continue;
        }
        // tables 6-8 as the simulator reads them: a secure phone of the visiting cluster, this home
        SecurityModes.Verdict verdict = SecurityModes.decide(home.version(), home.securityMode(),
            visiting.version(), visiting.securityMode(), DeviceSecurityMode.ENCRYPTED);
        switch (verdict) {
          case HOME_NON_SECURE -> out.warning(NON_SECURE_HOME, home.clusterId(), Paths.of(h, "securityMode"),
              verdict.code(), Fix.at(ClusterFields.SECURITY_MODE, null), home.clusterId(), visiting.clusterId(),
              securePhones[v]);
          case HOME_8X -> out.warning(HOME_8X, home.clusterId(), Paths.of(h, "version"), verdict.code(),
              Fix.at(ClusterFields.VERSION, null), home.clusterId(), home.version(), visiting.clusterId(),
              securePhones[v]);
          case VISITING_8X -> out.warning(VISITING_8X, visiting.clusterId(), Paths.of(v, "version"), verdict.code(),
              Fix.at(ClusterFields.VERSION, null), visiting.clusterId(), visiting.version(), home.clusterId(),
              securePhones[v]);
          default -> { }
        }
      }
    }
    return out.list();
  }

  private static boolean supported(Cluster cl) {
    return Versions.isWellFormed(cl.version()) && Versions.atLeast(cl.version(), "8.0");
  }
}
