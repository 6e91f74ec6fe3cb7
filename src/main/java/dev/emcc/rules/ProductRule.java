package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.Workspace;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.PhoneFields;
import java.util.Map;
import java.util.Set;

/**
 * Products against the device-model catalog (extended with the cluster's deviceModels): a
 * profile's product type and a phone's model are known (profile.productType, phone.model:
 * warnings, the catalog is not every model CUCM knows), speak the protocol given
 * (profile.protocol, phone.protocol), and a phone's model supports EMCC (phone.emccUnsupported:
 * an EMCC login on it fails with 213 from the visiting EMApp, before the home's 32; step 1 of the
 * task flow, the phone feature list report).
 */
public final class ProductRule extends ClusterRule {
  public static final String PROFILE_PRODUCT = "profile.productType";
  public static final String PROFILE_PROTOCOL = "profile.protocol";
  public static final String PHONE_MODEL = "phone.model";
  public static final String PHONE_PROTOCOL = "phone.protocol";
  public static final String PHONE_EMCC = "phone.emccUnsupported";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(PHONE_EMCC, Set.of(213));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    ModelLookup models = new ModelLookup(context, cl);
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      var p = cl.deviceProfiles().get(i);
      if (Blank.is(p.productType())) {
        continue;
      }
      DeviceModel m = models.find(p.productType());
      if (m == null) {
        out.warning(PROFILE_PRODUCT, id, Paths.item(c, "deviceProfiles", i, "productType"), null,
            Fix.at(DeviceProfileFields.PRODUCT_TYPE, p.name()), p.name(), p.productType());
      } else if (p.protocol() != null && !m.protocols().contains(p.protocol())) {
        out.error(PROFILE_PROTOCOL, id, Paths.item(c, "deviceProfiles", i, "protocol"), null,
            Fix.at(DeviceProfileFields.PROTOCOL, p.name()), p.name(), p.protocol().json(), m.name());
      }
    }
    for (int i = 0; i < cl.phones().size(); i++) {
      var p = cl.phones().get(i);
      if (Blank.is(p.model())) {
        continue;
      }
      DeviceModel m = models.find(p.model());
      if (m == null) {
        out.warning(PHONE_MODEL, id, Paths.item(c, "phones", i, "model"), null,
            Fix.at(PhoneFields.MODEL, p.name()), p.name(), p.model());
        continue;
      }
      if (p.protocol() != null && !m.protocols().contains(p.protocol())) {
        out.error(PHONE_PROTOCOL, id, Paths.item(c, "phones", i, "protocol"), null,
            Fix.at(PhoneFields.PROTOCOL, p.name()), p.name(), p.protocol().json(), m.name());
      }
      if (!m.supportsEmcc()) {
        // the visiting EMApp refuses it first (213); the home's 32 is for a catalog that disagrees
        out.warning(PHONE_EMCC, id, Paths.item(c, "phones", i, "model"), 213,
            Fix.at(PhoneFields.MODEL, p.name()), p.name(), m.name());
      }
    }
  }
}
