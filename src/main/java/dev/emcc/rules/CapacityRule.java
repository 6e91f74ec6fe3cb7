package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.util.List;

/**
 * Restrictions table, number of EMCC devices: phones + 2 x EMCC devices must not exceed MaxPhones
 * (emcc.capacity).
 */
public final class CapacityRule implements Rule {
  public static final String ID = "emcc.capacity";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      long counted = cl.countedDevices();
      if (counted > cl.maxPhones()) {
        out.error(ID, cl.clusterId(), Paths.of(c, "emccDevices.names"), null,
            new Fix(Windows.EMCC_DEVICES, null, "names"), cl.phones().size(),
            cl.emccDevices().names().size(), counted, cl.maxPhones());
      }
    }
    return out.list();
  }
}
