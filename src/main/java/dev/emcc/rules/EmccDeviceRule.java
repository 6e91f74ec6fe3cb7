package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccDevicesFields;
import dev.emcc.schema.EmccTemplateFields;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 4: EMCC devices are inserted (emccDevices.none: a login finds no free dummy
 * device, 33) with a default EMCC template (emccDevices.defaultTemplateMissing; an unknown one is
 * ref.emccTemplate); every EMCC template's device security mode is non-secure
 * (emccTemplate.notNonSecure, 43).
 */
public final class EmccDeviceRule extends ClusterRule {
  public static final String NONE = "emccDevices.none";
  public static final String NO_DEFAULT_TEMPLATE = "emccDevices.defaultTemplateMissing";
  public static final String NOT_NON_SECURE = "emccTemplate.notNonSecure";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(NONE, Set.of(33), NOT_NON_SECURE, Set.of(43));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    if (cl.emccDevices().names().isEmpty()) {
      out.error(NONE, cl.clusterId(), Paths.of(c, "emccDevices.names"), 33,
          Fix.at(EmccDevicesFields.NAMES, null), cl.clusterId());
    }
    if (Blank.is(cl.emccDevices().defaultTemplate())) {
      out.error(NO_DEFAULT_TEMPLATE, cl.clusterId(), Paths.of(c, "emccDevices.defaultTemplate"), null,
          Fix.at(EmccDevicesFields.DEFAULT_TEMPLATE, null), cl.clusterId());
    }
    for (int i = 0; i < cl.emccTemplates().size(); i++) {
      var t = cl.emccTemplates().get(i);
      if (t.deviceSecurityMode() != DeviceSecurityMode.NON_SECURE) {
        out.error(NOT_NON_SECURE, cl.clusterId(), Paths.item(c, "emccTemplates", i, "deviceSecurityMode"), 43,
            Fix.at(EmccTemplateFields.DEVICE_SECURITY_MODE, t.name()), t.name(), t.deviceSecurityMode().json());
      }
    }
  }
}
