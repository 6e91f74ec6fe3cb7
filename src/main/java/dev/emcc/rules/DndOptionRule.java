package dev.emcc.rules;

import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Seed, table 1 (DND Option): SCCP 7940/7960 phones allow only Ringer Off; mobile and dual-mode
 * devices only Call Reject (profile.dndOption). The allowed options come from the device-model
 * catalog extended with the cluster's deviceModels. For a model that speaks SCCP and SIP the
 * restriction holds for SCCP profiles, as the seed says of the 7940/7960.
 */
public final class DndOptionRule implements Rule {
  public static final String ID = "profile.dndOption";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      DeviceModels models = context.deviceModels().with(cl.deviceModels());
      for (int i = 0; i < cl.deviceProfiles().size(); i++) {
        DeviceProfile p = cl.deviceProfiles().get(i);
        DeviceModel m = models.find(p.productType()).orElse(null);
        if (m == null || m.dndOptions().isEmpty() || m.dndOptions().contains(p.dndOption())) {
          continue;
        }
        boolean restricted = m.protocols().size() <= 1 || p.protocol() == Protocol.SCCP;
        if (restricted) {
          String allowed = m.dndOptions().stream().map(o -> o.json()).collect(Collectors.joining(", "));
          out.error(ID, cl.clusterId(), Paths.item(c, "deviceProfiles", i, "dndOption"), null,
              new Fix(Windows.DEVICE_PROFILE, p.name(), "dndOption"), p.name(), p.dndOption().json(),
              m.name(), allowed);
        }
      }
    }
    return out.list();
  }
}
