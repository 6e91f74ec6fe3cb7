package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import java.util.List;
import java.util.function.Function;

/**
 * Fields CUCM will not save empty (field.required): names and ids of every object, the cluster
 * version, the service URL, a profile's product type, a phone's model, a line's directory number,
 * an EMCC template's common device configuration, a SIP trunk's destination.
 */
public final class RequiredFieldRule implements Rule {
  public static final String ID = "field.required";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String id = cl.clusterId();
      if (blank(cl.clusterId())) {
        out.error(ID, id, Paths.of(c, "clusterId"), null, new Fix(Windows.CLUSTER, null, "clusterId"),
            Findings.label("label.cluster.clusterId"));
      }
      if (blank(cl.version())) {
        out.error(ID, id, Paths.of(c, "version"), null, new Fix(Windows.CLUSTER, null, "version"),
            Findings.label("label.cluster.version"));
      }
      names(out, id, c, cl.nodes(), "nodes", n -> n.name(), Windows.SERVICE_ACTIVATION, "name", "label.node.name");
      names(out, id, c, cl.phoneServices(), "phoneServices", s -> s.name(), Windows.PHONE_SERVICE, "name", "label.phoneService.name");
      for (int i = 0; i < cl.phoneServices().size(); i++) {
        var s = cl.phoneServices().get(i);
        if (blank(s.serviceUrl())) {
          out.error(ID, id, Paths.item(c, "phoneServices", i, "serviceUrl"), null,
              new Fix(Windows.PHONE_SERVICE, s.name(), "serviceUrl"), Findings.label("label.phoneService.serviceUrl"));
        }
      }
      names(out, id, c, cl.deviceProfiles(), "deviceProfiles", DeviceProfile::name, Windows.DEVICE_PROFILE, "name", "label.deviceProfile.name");
      names(out, id, c, cl.deviceProfiles(), "deviceProfiles", DeviceProfile::productType, Windows.DEVICE_PROFILE, "productType", "label.deviceProfile.productType");
      for (int i = 0; i < cl.deviceProfiles().size(); i++) {
        DeviceProfile p = cl.deviceProfiles().get(i);
        for (int l = 0; l < p.lines().size(); l++) {
          if (blank(p.lines().get(l).directoryNumber())) {
            out.error(ID, id, Paths.item(c, "deviceProfiles", i, "lines[" + l + "].directoryNumber"), null,
                new Fix(Windows.DEVICE_PROFILE, p.name(), "lines"), Findings.label("label.line.directoryNumber"));
          }
        }
      }
      names(out, id, c, cl.endUsers(), "endUsers", u -> u.userId(), Windows.END_USER, "userId", "label.endUser.userId");
      names(out, id, c, cl.phones(), "phones", p -> p.name(), Windows.PHONE, "name", "label.phone.name");
      names(out, id, c, cl.phones(), "phones", p -> p.model(), Windows.PHONE, "model", "label.phone.model");
      names(out, id, c, cl.commonDeviceConfigs(), "commonDeviceConfigs", x -> x.name(), Windows.COMMON_DEVICE_CONFIG, "name", "label.commonDeviceConfig.name");
      names(out, id, c, cl.emccTemplates(), "emccTemplates", x -> x.name(), Windows.EMCC_TEMPLATE, "name", "label.emccTemplate.name");
      names(out, id, c, cl.emccTemplates(), "emccTemplates", x -> x.commonDeviceConfig(), Windows.EMCC_TEMPLATE, "commonDeviceConfig", "label.emccTemplate.commonDeviceConfig");
      names(out, id, c, cl.geolocations(), "geolocations", x -> x.name(), Windows.GEOLOCATION, "name", "label.geolocation.name");
      names(out, id, c, cl.geolocationFilters(), "geolocationFilters", x -> x.name(), Windows.GEOLOCATION_FILTER, "name", "label.geolocationFilter.name");
      names(out, id, c, cl.devicePools(), "devicePools", x -> x.name(), Windows.DEVICE_POOL, "name", "label.devicePool.name");
      names(out, id, c, cl.sipTrunks(), "sipTrunks", x -> x.name(), Windows.SIP_TRUNK, "name", "label.sipTrunk.name");
      for (int i = 0; i < cl.sipTrunks().size(); i++) {
        var t = cl.sipTrunks().get(i);
        if (t.destinations().isEmpty() || t.destinations().stream().anyMatch(RequiredFieldRule::blank)) {
          out.error(ID, id, Paths.item(c, "sipTrunks", i, "destinations"), null,
              new Fix(Windows.SIP_TRUNK, t.name(), "destinations"), Findings.label("label.sipTrunk.destinations"));
        }
      }
      names(out, id, c, cl.remoteClusters(), "remoteClusters", x -> x.clusterId(), Windows.REMOTE_CLUSTER, "clusterId", "label.remoteCluster.clusterId");
      names(out, id, c, cl.remoteClusters(), "remoteClusters", x -> x.fullyQualifiedName(), Windows.REMOTE_CLUSTER, "fullyQualifiedName", "label.remoteCluster.fullyQualifiedName");
      names(out, id, c, cl.deviceModels(), "deviceModels", x -> x.name(), Windows.DEVICE_MODEL, "name", "label.deviceModel.name");
    }
    return out.list();
  }

  private static <T> void names(Findings out, String cluster, int c, List<T> items, String collection,
      Function<T, String> field, String window, String key, String label) {
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (blank(field.apply(item))) {
        String object = "name".equals(key) || "userId".equals(key) || "clusterId".equals(key) ? null : objectName(item);
        out.error(ID, cluster, Paths.item(c, collection, i, key), null, new Fix(window, object, key),
            Findings.label(label));
      }
    }
  }

  /** The name of an object whose other field is missing, for the Fix (null when unnamed). */
  private static String objectName(Object item) {
    if (item instanceof DeviceProfile p) {
      return p.name();
    }
    if (item instanceof dev.emcc.model.Phone p) {
      return p.name();
    }
    if (item instanceof dev.emcc.model.EmccTemplate t) {
      return t.name();
    }
    if (item instanceof dev.emcc.model.RemoteCluster r) {
      return r.clusterId();
    }
    return null;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
