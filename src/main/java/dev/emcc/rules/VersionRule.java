package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Versions;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ClusterFields;

/**
 * The cluster version is well formed ("14.0", "11.5", "12.5SU1") (cluster.version) and at least
 * 8.x, the first release with EMCC; the security tables of the seed start at 8.x
 * (cluster.versionUnsupported).
 */
public final class VersionRule extends ClusterRule {
  public static final String MALFORMED = "cluster.version";
  public static final String UNSUPPORTED = "cluster.versionUnsupported";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String v = cl.version();
    if (Blank.is(v)) {
      return; // field.required
    }
    Fix fix = Fix.at(ClusterFields.VERSION, null);
    if (!Versions.isWellFormed(v)) {
      out.error(MALFORMED, cl.clusterId(), Paths.of(c, "version"), null, fix, v);
    } else if (!Versions.atLeast(v, "8.0")) {
      out.error(UNSUPPORTED, cl.clusterId(), Paths.of(c, "version"), null, fix, v);
    }
  }
}
