package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import java.util.List;

/**
 * Restrictions table: auto-registration is off on every node of an EMCC cluster, or a phone that
 * logs out of EMCC is created anew at home and the next login fails with duplicate device
 * error 37 (node.autoRegistration).
 */
public final class AutoRegistrationRule implements Rule {
  public static final String ID = "node.autoRegistration";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      for (int n = 0; n < cl.nodes().size(); n++) {
        Node node = cl.nodes().get(n);
        if (node.autoRegistration()) {
          out.error(ID, cl.clusterId(), Paths.item(c, "nodes", n, "autoRegistration"), 37,
              new Fix(Windows.SERVICE_ACTIVATION, node.name(), "autoRegistration"), node.name());
        }
      }
    }
    return out.list();
  }
}
