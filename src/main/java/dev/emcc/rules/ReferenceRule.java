package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.DevicePoolFields;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.EmccDevicesFields;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.EmccTemplateFields;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.SipTrunkFields;
import java.util.Map;
import java.util.Set;

/**
 * Names that refer to another object of the same cluster name one that exists (ref.*): controlled
 * profiles (ref.deviceProfile, 12), subscribed services (ref.phoneService), device pools
 * (ref.devicePool), geolocations (ref.geolocation), the EMCC geolocation filter
 * (ref.geolocationFilter), an EMCC template's common device configuration
 * (ref.commonDeviceConfig), the default EMCC template (ref.emccTemplate), a profile's login user
 * (ref.endUser), a device pool's Unified CM group nodes (ref.node). CUCM compares names without
 * regard to case. Trunks of the intercluster service profile: {@link SipTrunkRule}.
 */
public final class ReferenceRule extends ClusterRule {
  public static final String DEVICE_PROFILE = "ref.deviceProfile";
  public static final String PHONE_SERVICE = "ref.phoneService";
  public static final String DEVICE_POOL = "ref.devicePool";
  public static final String GEOLOCATION = "ref.geolocation";
  public static final String GEOLOCATION_FILTER = "ref.geolocationFilter";
  public static final String COMMON_DEVICE_CONFIG = "ref.commonDeviceConfig";
  public static final String EMCC_TEMPLATE = "ref.emccTemplate";
  public static final String END_USER = "ref.endUser";
  public static final String NODE = "ref.node";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(DEVICE_PROFILE, Set.of(12));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    NameIndex profiles = NameIndex.of(cl.deviceProfiles(), p -> p.name());
    NameIndex services = NameIndex.of(cl.phoneServices(), s -> s.name());
    NameIndex pools = NameIndex.of(cl.devicePools(), p -> p.name());
    NameIndex geos = NameIndex.of(cl.geolocations(), g -> g.name());
    NameIndex filters = NameIndex.of(cl.geolocationFilters(), f -> f.name());
    NameIndex cdcs = NameIndex.of(cl.commonDeviceConfigs(), x -> x.name());
    NameIndex templates = NameIndex.of(cl.emccTemplates(), t -> t.name());
    NameIndex users = NameIndex.of(cl.endUsers(), u -> u.userId());

    for (int i = 0; i < cl.endUsers().size(); i++) {
      var u = cl.endUsers().get(i);
      for (int k = 0; k < u.controlledProfiles().size(); k++) {
        String p = u.controlledProfiles().get(k);
        if (profiles.missing(p)) {
          out.error(DEVICE_PROFILE, id, Paths.item(c, "endUsers", i, "controlledProfiles[" + k + "]"), 12,
              Fix.at(EndUserFields.CONTROLLED_PROFILES, u.userId()), u.userId(), p);
        }
      }
    }
    for (int i = 0; i < cl.phones().size(); i++) {
      var p = cl.phones().get(i);
      for (int k = 0; k < p.subscribedServices().size(); k++) {
        String s = p.subscribedServices().get(k);
        if (services.missing(s)) {
          out.error(PHONE_SERVICE, id, Paths.item(c, "phones", i, "subscribedServices[" + k + "]"), null,
              Fix.at(PhoneFields.SUBSCRIBED_SERVICES, p.name()), p.name(), s);
        }
      }
      if (pools.missing(p.devicePool())) {
        out.error(DEVICE_POOL, id, Paths.item(c, "phones", i, "devicePool"), null,
            Fix.at(PhoneFields.DEVICE_POOL, p.name()), p.name(), p.devicePool());
      }
      if (geos.missing(p.geolocation())) {
        out.error(GEOLOCATION, id, Paths.item(c, "phones", i, "geolocation"), null,
            Fix.at(PhoneFields.GEOLOCATION, p.name()), p.name(), p.geolocation());
      }
    }
    for (int i = 0; i < cl.devicePools().size(); i++) {
      var dp = cl.devicePools().get(i);
      if (geos.missing(dp.geolocation())) {
        out.error(GEOLOCATION, id, Paths.item(c, "devicePools", i, "geolocation"), null,
            Fix.at(DevicePoolFields.GEOLOCATION, dp.name()), dp.name(), dp.geolocation());
      }
      for (int k = 0; k < dp.callManagerGroup().size(); k++) {
        String n = dp.callManagerGroup().get(k);
        if (cl.node(n).isEmpty()) {
          out.error(NODE, id, Paths.item(c, "devicePools", i, "callManagerGroup[" + k + "]"), null,
              Fix.at(DevicePoolFields.CALL_MANAGER_GROUP, dp.name()), dp.name(), n);
        }
      }
    }
    for (int i = 0; i < cl.emccTemplates().size(); i++) {
      var t = cl.emccTemplates().get(i);
      if (cdcs.missing(t.commonDeviceConfig())) {
        out.error(COMMON_DEVICE_CONFIG, id, Paths.item(c, "emccTemplates", i, "commonDeviceConfig"), null,
            Fix.at(EmccTemplateFields.COMMON_DEVICE_CONFIG, t.name()), t.name(), t.commonDeviceConfig());
      }
      if (pools.missing(t.devicePool())) {
        out.error(DEVICE_POOL, id, Paths.item(c, "emccTemplates", i, "devicePool"), null,
            Fix.at(EmccTemplateFields.DEVICE_POOL, t.name()), t.name(), t.devicePool());
      }
    }
    for (int i = 0; i < cl.sipTrunks().size(); i++) {
      var t = cl.sipTrunks().get(i);
      if (pools.missing(t.devicePool())) {
        out.error(DEVICE_POOL, id, Paths.item(c, "sipTrunks", i, "devicePool"), null,
            Fix.at(SipTrunkFields.DEVICE_POOL, t.name()), t.name(), t.devicePool());
      }
    }
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      var p = cl.deviceProfiles().get(i);
      if (users.missing(p.loginUserId())) {
        out.error(END_USER, id, Paths.item(c, "deviceProfiles", i, "loginUserId"), null,
            Fix.at(DeviceProfileFields.LOGIN_USER_ID, p.name()), p.name(), p.loginUserId());
      }
    }
    String filter = cl.emccFeatureConfig().geolocationFilter();
    if (filters.missing(filter)) {
      out.error(GEOLOCATION_FILTER, id, Paths.of(c, "emccFeatureConfig.geolocationFilter"), null,
          Fix.at(EmccFeatureConfigFields.GEOLOCATION_FILTER, null), filter);
    }
    String template = cl.emccDevices().defaultTemplate();
    if (templates.missing(template)) {
      out.error(EMCC_TEMPLATE, id, Paths.of(c, "emccDevices.defaultTemplate"), null,
          Fix.at(EmccDevicesFields.DEFAULT_TEMPLATE, null), template);
    }
  }
}
