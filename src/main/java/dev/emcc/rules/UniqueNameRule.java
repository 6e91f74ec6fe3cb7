package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Names that identify an object are unique in their collection (field.unique), compared without
 * regard to case as CUCM does: cluster ids in the workspace; in a cluster node names, phone
 * services, device profiles, user ids, device names (phones and EMCC devices share one namespace),
 * and every other named list. The second and later occurrences are reported.
 */
public final class UniqueNameRule implements Rule {
  public static final String ID = "field.unique";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    Map<String, String> clusterIds = new HashMap<>();
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String first = remember(clusterIds, cl.clusterId(), Paths.of(c, "clusterId"));
      if (first != null) {
        out.error(ID, cl.clusterId(), Paths.of(c, "clusterId"), null,
            new Fix(Windows.CLUSTER, null, "clusterId"), Findings.label("label.cluster.clusterId"), cl.clusterId(), first);
      }
    }
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String id = cl.clusterId();
      unique(out, id, c, cl.nodes(), "nodes", n -> n.name(), Windows.SERVICE_ACTIVATION, "name", "label.node.name");
      unique(out, id, c, cl.phoneServices(), "phoneServices", s -> s.name(), Windows.PHONE_SERVICE, "name", "label.phoneService.name");
      unique(out, id, c, cl.deviceProfiles(), "deviceProfiles", p -> p.name(), Windows.DEVICE_PROFILE, "name", "label.deviceProfile.name");
      unique(out, id, c, cl.endUsers(), "endUsers", u -> u.userId(), Windows.END_USER, "userId", "label.endUser.userId");
      Map<String, String> devices = new HashMap<>();
      for (int i = 0; i < cl.phones().size(); i++) {
        String name = cl.phones().get(i).name();
        String path = Paths.item(c, "phones", i, "name");
        String first = remember(devices, name, path);
        if (first != null) {
          out.error(ID, id, path, null, new Fix(Windows.PHONE, null, "name"), Findings.label("label.phone.name"), name, first);
        }
      }
      for (int i = 0; i < cl.emccDevices().names().size(); i++) {
        String name = cl.emccDevices().names().get(i);
        String path = Paths.of(c, "emccDevices.names[" + i + "]");
        String first = remember(devices, name, path);
        if (first != null) {
          out.error(ID, id, path, null, new Fix(Windows.EMCC_DEVICES, null, "names"),
              Findings.label("label.emccDevices.names"), name, first);
        }
      }
      unique(out, id, c, cl.commonDeviceConfigs(), "commonDeviceConfigs", x -> x.name(), Windows.COMMON_DEVICE_CONFIG, "name", "label.commonDeviceConfig.name");
      unique(out, id, c, cl.emccTemplates(), "emccTemplates", x -> x.name(), Windows.EMCC_TEMPLATE, "name", "label.emccTemplate.name");
      unique(out, id, c, cl.geolocations(), "geolocations", x -> x.name(), Windows.GEOLOCATION, "name", "label.geolocation.name");
      unique(out, id, c, cl.geolocationFilters(), "geolocationFilters", x -> x.name(), Windows.GEOLOCATION_FILTER, "name", "label.geolocationFilter.name");
      unique(out, id, c, cl.devicePools(), "devicePools", x -> x.name(), Windows.DEVICE_POOL, "name", "label.devicePool.name");
      unique(out, id, c, cl.sipTrunks(), "sipTrunks", x -> x.name(), Windows.SIP_TRUNK, "name", "label.sipTrunk.name");
      unique(out, id, c, cl.remoteClusters(), "remoteClusters", x -> x.clusterId(), Windows.REMOTE_CLUSTER, "clusterId", "label.remoteCluster.clusterId");
      unique(out, id, c, cl.deviceModels(), "deviceModels", x -> x.name(), Windows.DEVICE_MODEL, "name", "label.deviceModel.name");
    }
    return out.list();
  }

  private static <T> void unique(Findings out, String cluster, int c, List<T> items, String collection,
      Function<T, String> key, String window, String field, String label) {
    Map<String, String> seen = new HashMap<>(items.size() * 2);
    for (int i = 0; i < items.size(); i++) {
      String name = key.apply(items.get(i));
      String path = Paths.item(c, collection, i, field);
      String first = remember(seen, name, path);
      if (first != null) {
        out.error(ID, cluster, path, null, new Fix(window, null, field), Findings.label(label), name, first);
      }
    }
  }

  /** Records a name; returns the path of its first occurrence when it was seen before. */
  private static String remember(Map<String, String> seen, String name, String path) {
    if (name == null || name.isBlank()) {
      return null; // field.required reports it
    }
    return seen.putIfAbsent(name.toLowerCase(Locale.ROOT), path);
  }
}
