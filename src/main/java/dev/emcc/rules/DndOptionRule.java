package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import dev.emcc.schema.DeviceProfileFields;
import java.util.stream.Collectors;

/**
 * Seed, table 1 (DND Option): SCCP 7940/7960 phones allow only Ringer Off; mobile and dual-mode
 * devices only Call Reject (profile.dndOption). The allowed options come from the device-model
 * catalog extended with the cluster's deviceModels. For a built-in model that speaks SCCP and SIP
 * the restriction holds for SCCP profiles, as the seed says of the 7940/7960; a workspace entry's
 * restriction holds whatever the protocol (the catalog's rule, DeviceModels#allowedDndOptions).
 */
public final class DndOptionRule extends ClusterRule {
  public static final String ID = "profile.dndOption";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    ModelLookup models = new ModelLookup(context, cl);
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      DeviceProfile p = cl.deviceProfiles().get(i);
      DeviceModel m = models.find(p.productType());
      if (m == null || m.dndOptions().isEmpty() || m.dndOptions().contains(p.dndOption())) {
        continue;
      }
      boolean restricted = m.protocols().size() <= 1 || p.protocol() == Protocol.SCCP
          || models.isWorkspaceModel(p.productType());
      if (restricted) {
        String allowed = m.dndOptions().stream().map(o -> o.json()).collect(Collectors.joining(", "));
        out.error(ID, cl.clusterId(), Paths.item(c, "deviceProfiles", i, "dndOption"), null,
            Fix.at(DeviceProfileFields.DND_OPTION, p.name()), p.name(), p.dndOption().json(),
            m.name(), allowed);
      }
    }
  }
}
