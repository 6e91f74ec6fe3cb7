package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.Workspace;

/**
 * Products against the device-model catalog (extended with the cluster's deviceModels): a
 * profile's product type and a phone's model are known (profile.productType, phone.model:
 * warnings, the catalog is not every model CUCM knows), speak the protocol given
 * (profile.protocol, phone.protocol), and a phone's model supports EMCC (phone.emccUnsupported:
 * login fails with 32, 213 from EMApp; step 1 of the task flow, the phone feature list report).
 */
public final class ProductRule extends ClusterRule {
  public static final String PROFILE_PRODUCT = "profile.productType";
  public static final String PROFILE_PROTOCOL = "profile.protocol";
  public static final String PHONE_MODEL = "phone.model";
  public static final String PHONE_PROTOCOL = "phone.protocol";
  public static final String PHONE_EMCC = "phone.emccUnsupported";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    ModelLookup models = new ModelLookup(context, cl);
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      var p = cl.deviceProfiles().get(i);
      if (RequiredFieldRule.blank(p.productType())) {
        continue;
      }
      DeviceModel m = models.find(p.productType());
      if (m == null) {
        out.warning(PROFILE_PRODUCT, id, Paths.item(c, "deviceProfiles", i, "productType"), null,
            new Fix(Windows.DEVICE_MODEL, p.productType(), "name"), p.name(), p.productType());
      } else if (p.protocol() != null && !m.protocols().contains(p.protocol())) {
        out.error(PROFILE_PROTOCOL, id, Paths.item(c, "deviceProfiles", i, "protocol"), null,
            new Fix(Windows.DEVICE_PROFILE, p.name(), "protocol"), p.name(), p.protocol().json(), m.name());
      }
    }
    for (int i = 0; i < cl.phones().size(); i++) {
      var p = cl.phones().get(i);
      if (RequiredFieldRule.blank(p.model())) {
        continue;
      }
      DeviceModel m = models.find(p.model());
      if (m == null) {
        out.warning(PHONE_MODEL, id, Paths.item(c, "phones", i, "model"), null,
            new Fix(Windows.DEVICE_MODEL, p.model(), "name"), p.name(), p.model());
        continue;
      }
      if (p.protocol() != null && !m.protocols().contains(p.protocol())) {
        out.error(PHONE_PROTOCOL, id, Paths.item(c, "phones", i, "protocol"), null,
            new Fix(Windows.PHONE, p.name(), "protocol"), p.name(), p.protocol().json(), m.name());
      }
      if (!m.supportsEmcc()) {
        out.warning(PHONE_EMCC, id, Paths.item(c, "phones", i, "model"), 32,
            new Fix(Windows.PHONE_FEATURE_LIST, m.name(), "supportsEmcc"), p.name(), m.name());
      }
    }
  }
}
