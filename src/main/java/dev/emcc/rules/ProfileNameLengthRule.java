package dev.emcc.rules;

import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;

/** A device profile name has at most 50 characters (seed, table 1: Device Profile Name). */
public final class ProfileNameLengthRule extends ClusterRule {
  public static final String ID = "profile.nameLength";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      String name = cl.deviceProfiles().get(i).name();
      if (name != null && name.codePointCount(0, name.length()) > DeviceProfile.MAX_NAME_LENGTH) {
        out.error(ID, cl.clusterId(), Paths.item(c, "deviceProfiles", i, "name"), null,
            Fix.at(DeviceProfileFields.NAME, name), name, name.codePointCount(0, name.length()),
            DeviceProfile.MAX_NAME_LENGTH);
      }
    }
  }
}
