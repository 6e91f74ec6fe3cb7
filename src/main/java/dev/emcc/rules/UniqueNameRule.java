package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.List;
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
    List<String> ids = workspace.clusters().stream().map(Cluster::clusterId).toList();
    NameIndex.repeats(ids).forEach((i, first) -> out.error(ID, ids.get(i), Paths.of(i, "clusterId"), null,
        new Fix(Windows.CLUSTER, null, "clusterId"), Findings.label("label.cluster.clusterId"), ids.get(i),
        Paths.of(first, "clusterId")));
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String id = cl.clusterId();
      unique(out, id, c, cl.nodes(), "nodes", n -> n.name(), Windows.SERVICE_ACTIVATION, "name", "label.node.name");
      unique(out, id, c, cl.phoneServices(), "phoneServices", s -> s.name(), Windows.PHONE_SERVICE, "name", "label.phoneService.name");
      unique(out, id, c, cl.deviceProfiles(), "deviceProfiles", p -> p.name(), Windows.DEVICE_PROFILE, "name", "label.deviceProfile.name");
      unique(out, id, c, cl.endUsers(), "endUsers", u -> u.userId(), Windows.END_USER, "userId", "label.endUser.userId");
      // Phones and EMCC devices share one namespace: device names.
      List<String> devices = new ArrayList<>(cl.phones().size() + cl.emccDevices().names().size());
      cl.phones().forEach(p -> devices.add(p.name()));
      devices.addAll(cl.emccDevices().names());
      int phones = cl.phones().size();
      final int ci = c;
      NameIndex.repeats(devices).forEach((i, first) -> {
        String path = i < phones ? Paths.item(ci, "phones", i, "name") : Paths.of(ci, "emccDevices.names[" + (i - phones) + "]");
        String firstPath = first < phones ? Paths.item(ci, "phones", first, "name")
            : Paths.of(ci, "emccDevices.names[" + (first - phones) + "]");
        Fix fix = i < phones ? new Fix(Windows.PHONE, null, "name") : new Fix(Windows.EMCC_DEVICES, null, "names");
        String label = i < phones ? "label.phone.name" : "label.emccDevices.names";
        out.error(ID, id, path, null, fix, Findings.label(label), devices.get(i), firstPath);
      });
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
    List<String> names = items.stream().map(key).toList();
    NameIndex.repeats(names).forEach((i, first) -> out.error(ID, cluster, Paths.item(c, collection, i, field), null,
        new Fix(window, null, field), Findings.label(label), names.get(i), Paths.item(c, collection, first, field)));
  }
}
