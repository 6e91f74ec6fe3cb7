package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import dev.emcc.model.Workspace;
import dev.emcc.schema.DeviceProfileFields;

/**
 * Seed, table 1 (MLPP Indication / MLPP Preemption): never Indication Off, or Default when the
 * default is Off, with Preemption Forceful (profile.mlpp). Off is an error; Default is a warning,
 * since the device pool it inherits from may say Off.
 */
public final class MlppRule extends ClusterRule {
  public static final String ID = "profile.mlpp";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      DeviceProfile p = cl.deviceProfiles().get(i);
      if (p.mlppPreemption() != MlppPreemption.FORCEFUL) {
        continue;
      }
      String path = Paths.item(c, "deviceProfiles", i, "mlppIndication");
      Fix fix = Fix.at(DeviceProfileFields.MLPP_INDICATION, p.name());
      if (p.mlppIndication() == MlppIndication.OFF) {
        out.add(Severity.ERROR, ID, ID + ".off", cl.clusterId(), path, null, fix, p.name());
      } else if (p.mlppIndication() == MlppIndication.DEFAULT) {
        out.add(Severity.WARNING, ID, ID + ".default", cl.clusterId(), path, null, fix, p.name());
      }
    }
  }
}
