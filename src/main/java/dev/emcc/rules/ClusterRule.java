package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.util.List;

/** A rule family that checks one cluster at a time (the workspace is at hand to look across). */
abstract class ClusterRule implements Rule {
  @Override
  public final List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      check(workspace, workspace.clusters().get(c), c, context, out);
    }
    return out.list();
  }

  /** Checks {@code cl}, cluster {@code c} of the workspace, adding what it finds to {@code out}. */
  abstract void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out);
}
