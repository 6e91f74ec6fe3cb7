package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ServiceActivationFields;
import java.util.Map;
import java.util.Set;

/**
 * Restrictions table: auto-registration is off on every node of an EMCC cluster, or a phone that
 * logs out of EMCC is created anew at home and the next login fails with duplicate device
 * error 37 (node.autoRegistration).
 */
public final class AutoRegistrationRule extends ClusterRule {
  public static final String ID = "node.autoRegistration";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(ID, Set.of(37));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    for (int n = 0; n < cl.nodes().size(); n++) {
      Node node = cl.nodes().get(n);
      if (node.autoRegistration()) {
        out.error(ID, cl.clusterId(), Paths.item(c, "nodes", n, "autoRegistration"), 37,
            Fix.at(ServiceActivationFields.AUTO_REGISTRATION, node.name()), node.name());
      }
    }
  }
}
