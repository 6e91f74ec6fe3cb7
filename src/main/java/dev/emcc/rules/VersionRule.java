package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Versions;
import dev.emcc.model.Workspace;
import java.util.List;

/**
 * The cluster version is well formed ("14.0", "11.5", "12.5SU1") (cluster.version) and at least
 * 8.x, the first release with EMCC; the security tables of the seed start at 8.x
 * (cluster.versionUnsupported).
 */
public final class VersionRule implements Rule {
  public static final String MALFORMED = "cluster.version";
  public static final String UNSUPPORTED = "cluster.versionUnsupported";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String v = cl.version();
      if (RequiredFieldRule.blank(v)) {
        continue; // field.required
      }
      Fix fix = new Fix(Windows.CLUSTER, null, "version");
      if (!Versions.isWellFormed(v)) {
        out.error(MALFORMED, cl.clusterId(), Paths.of(c, "version"), null, fix, v);
      } else if (!Versions.atLeast(v, "8.0")) {
        out.error(UNSUPPORTED, cl.clusterId(), Paths.of(c, "version"), null, fix, v);
      }
    }
    return out.list();
  }
}
