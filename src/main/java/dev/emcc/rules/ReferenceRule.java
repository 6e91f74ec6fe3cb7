package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Names that refer to another object of the same cluster name one that exists (ref.*): controlled
 * profiles (ref.deviceProfile, 12), subscribed services (ref.phoneService), device pools
 * (ref.devicePool), geolocations (ref.geolocation), the EMCC geolocation filter
 * (ref.geolocationFilter), an EMCC template's common device configuration
 * (ref.commonDeviceConfig), the default EMCC template (ref.emccTemplate), a profile's login user
 * (ref.endUser), a device pool's Unified CM group nodes (ref.node). CUCM compares names without
 * regard to case. Trunks of the intercluster service profile: {@link SipTrunkRule}.
 */
public final class ReferenceRule implements Rule {
  public static final String DEVICE_PROFILE = "ref.deviceProfile";
  public static final String PHONE_SERVICE = "ref.phoneService";
  public static final String DEVICE_POOL = "ref.devicePool";
  public static final String GEOLOCATION = "ref.geolocation";
  public static final String GEOLOCATION_FILTER = "ref.geolocationFilter";
  public static final String COMMON_DEVICE_CONFIG = "ref.commonDeviceConfig";
  public static final String EMCC_TEMPLATE = "ref.emccTemplate";
  public static final String END_USER = "ref.endUser";
  public static final String NODE = "ref.node";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String id = cl.clusterId();
      Set<String> profiles = names(cl.deviceProfiles(), p -> p.name());
      Set<String> services = names(cl.phoneServices(), s -> s.name());
      Set<String> pools = names(cl.devicePools(), p -> p.name());
      Set<String> geos = names(cl.geolocations(), g -> g.name());
      Set<String> filters = names(cl.geolocationFilters(), f -> f.name());
      Set<String> cdcs = names(cl.commonDeviceConfigs(), x -> x.name());
      Set<String> templates = names(cl.emccTemplates(), t -> t.name());
      Set<String> users = names(cl.endUsers(), u -> u.userId());

      for (int i = 0; i < cl.endUsers().size(); i++) {
        var u = cl.endUsers().get(i);
        for (int k = 0; k < u.controlledProfiles().size(); k++) {
          String p = u.controlledProfiles().get(k);
          if (missing(profiles, p)) {
            out.error(DEVICE_PROFILE, id, Paths.item(c, "endUsers", i, "controlledProfiles[" + k + "]"), 12,
                new Fix(Windows.END_USER, u.userId(), "controlledProfiles"), u.userId(), p);
          }
        }
      }
      for (int i = 0; i < cl.phones().size(); i++) {
        var p = cl.phones().get(i);
        for (int k = 0; k < p.subscribedServices().size(); k++) {
          String s = p.subscribedServices().get(k);
          if (missing(services, s)) {
            out.error(PHONE_SERVICE, id, Paths.item(c, "phones", i, "subscribedServices[" + k + "]"), null,
                new Fix(Windows.PHONE, p.name(), "subscribedServices"), p.name(), s);
          }
        }
        if (missing(pools, p.devicePool())) {
          out.error(DEVICE_POOL, id, Paths.item(c, "phones", i, "devicePool"), null,
              new Fix(Windows.PHONE, p.name(), "devicePool"), p.name(), p.devicePool());
        }
        if (missing(geos, p.geolocation())) {
          out.error(GEOLOCATION, id, Paths.item(c, "phones", i, "geolocation"), null,
              new Fix(Windows.PHONE, p.name(), "geolocation"), p.name(), p.geolocation());
        }
      }
      for (int i = 0; i < cl.devicePools().size(); i++) {
        var dp = cl.devicePools().get(i);
        if (missing(geos, dp.geolocation())) {
          out.error(GEOLOCATION, id, Paths.item(c, "devicePools", i, "geolocation"), null,
              new Fix(Windows.DEVICE_POOL, dp.name(), "geolocation"), dp.name(), dp.geolocation());
        }
        for (int k = 0; k < dp.callManagerGroup().size(); k++) {
          String n = dp.callManagerGroup().get(k);
          if (cl.node(n).isEmpty()) {
            out.error(NODE, id, Paths.item(c, "devicePools", i, "callManagerGroup[" + k + "]"), null,
                new Fix(Windows.DEVICE_POOL, dp.name(), "callManagerGroup"), dp.name(), n);
          }
        }
      }
      for (int i = 0; i < cl.emccTemplates().size(); i++) {
        var t = cl.emccTemplates().get(i);
        if (missing(cdcs, t.commonDeviceConfig())) {
          out.error(COMMON_DEVICE_CONFIG, id, Paths.item(c, "emccTemplates", i, "commonDeviceConfig"), null,
              new Fix(Windows.EMCC_TEMPLATE, t.name(), "commonDeviceConfig"), t.name(), t.commonDeviceConfig());
        }
        if (missing(pools, t.devicePool())) {
          out.error(DEVICE_POOL, id, Paths.item(c, "emccTemplates", i, "devicePool"), null,
              new Fix(Windows.EMCC_TEMPLATE, t.name(), "devicePool"), t.name(), t.devicePool());
        }
      }
      for (int i = 0; i < cl.sipTrunks().size(); i++) {
        var t = cl.sipTrunks().get(i);
        if (missing(pools, t.devicePool())) {
          out.error(DEVICE_POOL, id, Paths.item(c, "sipTrunks", i, "devicePool"), null,
              new Fix(Windows.SIP_TRUNK, t.name(), "devicePool"), t.name(), t.devicePool());
        }
      }
      for (int i = 0; i < cl.deviceProfiles().size(); i++) {
        var p = cl.deviceProfiles().get(i);
        if (missing(users, p.loginUserId())) {
          out.error(END_USER, id, Paths.item(c, "deviceProfiles", i, "loginUserId"), null,
              new Fix(Windows.DEVICE_PROFILE, p.name(), "loginUserId"), p.name(), p.loginUserId());
        }
      }
      String filter = cl.emccFeatureConfig().geolocationFilter();
      if (missing(filters, filter)) {
        out.error(GEOLOCATION_FILTER, id, Paths.of(c, "emccFeatureConfig.geolocationFilter"), null,
            new Fix(Windows.EMCC_FEATURE_CONFIG, null, "geolocationFilter"), filter);
      }
      String template = cl.emccDevices().defaultTemplate();
      if (missing(templates, template)) {
        out.error(EMCC_TEMPLATE, id, Paths.of(c, "emccDevices.defaultTemplate"), null,
            new Fix(Windows.EMCC_DEVICES, null, "defaultTemplate"), template);
      }
    }
    return out.list();
  }

  static <T> Set<String> names(List<T> items, Function<T, String> key) {
    Set<String> out = new HashSet<>(items.size() * 2);
    for (T item : items) {
      String k = key.apply(item);
      if (k != null) {
        out.add(k.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** True when a reference is set (not blank) and names nothing. */
  static boolean missing(Set<String> names, String ref) {
    return ref != null && !ref.isBlank() && !names.contains(ref.toLowerCase(Locale.ROOT));
  }
}
