package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import java.util.List;

/** A device profile name has at most 50 characters (seed, table 1: Device Profile Name). */
public final class ProfileNameLengthRule implements Rule {
  public static final String ID = "profile.nameLength";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      for (int i = 0; i < cl.deviceProfiles().size(); i++) {
        String name = cl.deviceProfiles().get(i).name();
        if (name != null && name.codePointCount(0, name.length()) > DeviceProfile.MAX_NAME_LENGTH) {
          out.error(ID, cl.clusterId(), Paths.item(c, "deviceProfiles", i, "name"), null,
              new Fix(Windows.DEVICE_PROFILE, name, "name"), name, name.codePointCount(0, name.length()),
              DeviceProfile.MAX_NAME_LENGTH);
        }
      }
    }
    return out.list();
  }
}
