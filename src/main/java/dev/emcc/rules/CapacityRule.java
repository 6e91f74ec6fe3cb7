package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccDevicesFields;

/**
 * Restrictions table, number of EMCC devices: phones + 2 x EMCC devices must not exceed MaxPhones
 * (emcc.capacity).
 */
public final class CapacityRule extends ClusterRule {
  public static final String ID = "emcc.capacity";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    long counted = cl.countedDevices();
    if (counted > cl.maxPhones()) {
      out.error(ID, cl.clusterId(), Paths.of(c, "emccDevices.names"), null,
          Fix.at(EmccDevicesFields.NAMES, null), cl.phones().size(),
          cl.emccDevices().names().size(), counted, cl.maxPhones());
    }
  }
}
