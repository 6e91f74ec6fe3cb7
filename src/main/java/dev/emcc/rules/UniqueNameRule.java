package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ClusterFields;
import dev.emcc.schema.EmccDevicesFields;
import dev.emcc.schema.Field;
import java.util.ArrayList;
import java.util.List;

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
        Fix.at(ClusterFields.CLUSTER_ID, null), ClusterFields.CLUSTER_ID, ids.get(i),
        Paths.of(first, "clusterId")));
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      String id = cl.clusterId();
      for (NamedCollections.Named<?> named : NamedCollections.ALL) {
        if (named != NamedCollections.PHONES) {
          unique(out, id, c, cl, named);
        }
      }
      // Phones and EMCC devices share one namespace: device names.
      List<String> devices = new ArrayList<>(cl.phones().size() + cl.emccDevices().names().size());
      cl.phones().forEach(p -> devices.add(p.name()));
      devices.addAll(cl.emccDevices().names());
      int phones = cl.phones().size();
      final int ci = c;
      NamedCollections.Named<?> phone = NamedCollections.PHONES;
      NameIndex.repeats(devices).forEach((i, first) -> {
        String path = i < phones ? phone.path(ci, i) : Paths.of(ci, "emccDevices.names[" + (i - phones) + "]");
        String firstPath = first < phones ? phone.path(ci, first)
            : Paths.of(ci, "emccDevices.names[" + (first - phones) + "]");
        Fix fix = i < phones ? phone.fix() : Fix.at(EmccDevicesFields.NAMES, null);
        Field label = i < phones ? phone.field() : EmccDevicesFields.NAMES;
        out.error(ID, id, path, null, fix, label, devices.get(i), firstPath);
      });
    }
    return out.list();
  }

  private static <T> void unique(Findings out, String cluster, int c, Cluster cl, NamedCollections.Named<T> named) {
    List<String> names = named.items().apply(cl).stream().map(named.name()).toList();
    NameIndex.repeats(names).forEach((i, first) -> out.error(ID, cluster, named.path(c, i), null, named.fix(),
        named.field(), names.get(i), named.path(c, first)));
  }
}
