package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.Phone;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import java.util.List;
import java.util.function.Function;

/**
 * Fields CUCM will not save empty (field.required): names and ids of every object, the cluster
 * version, the service URL, a profile's product type, a phone's model, a line's directory number,
 * an EMCC template's common device configuration, a SIP trunk's destination.
 */
public final class RequiredFieldRule extends ClusterRule {
  public static final String ID = "field.required";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    if (blank(cl.clusterId())) {
      out.error(ID, id, Paths.of(c, "clusterId"), null, new Fix(Windows.CLUSTER, null, "clusterId"),
          Findings.label("label.cluster.clusterId"));
    }
    if (blank(cl.version())) {
      out.error(ID, id, Paths.of(c, "version"), null, new Fix(Windows.CLUSTER, null, "version"),
          Findings.label("label.cluster.version"));
    }
    for (NamedCollections.Named<?> named : NamedCollections.ALL) {
      names(out, id, c, cl, named);
    }
    for (int i = 0; i < cl.phoneServices().size(); i++) {
      var s = cl.phoneServices().get(i);
      if (blank(s.serviceUrl())) {
        out.error(ID, id, Paths.item(c, "phoneServices", i, "serviceUrl"), null,
            new Fix(Windows.PHONE_SERVICE, s.name(), "serviceUrl"), Findings.label("label.phoneService.serviceUrl"));
      }
    }
    field(out, id, c, cl.deviceProfiles(), "deviceProfiles", DeviceProfile::productType, DeviceProfile::name,
        Windows.DEVICE_PROFILE, "productType", "label.deviceProfile.productType");
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      DeviceProfile p = cl.deviceProfiles().get(i);
      for (int l = 0; l < p.lines().size(); l++) {
        if (blank(p.lines().get(l).directoryNumber())) {
          out.error(ID, id, Paths.item(c, "deviceProfiles", i, "lines[" + l + "].directoryNumber"), null,
              new Fix(Windows.DEVICE_PROFILE, p.name(), "lines"), Findings.label("label.line.directoryNumber"));
        }
      }
    }
    field(out, id, c, cl.phones(), "phones", Phone::model, Phone::name, Windows.PHONE, "model", "label.phone.model");
    field(out, id, c, cl.emccTemplates(), "emccTemplates", EmccTemplate::commonDeviceConfig, EmccTemplate::name,
        Windows.EMCC_TEMPLATE, "commonDeviceConfig", "label.emccTemplate.commonDeviceConfig");
    for (int i = 0; i < cl.sipTrunks().size(); i++) {
      var t = cl.sipTrunks().get(i);
      if (t.destinations().isEmpty() || t.destinations().stream().anyMatch(RequiredFieldRule::blank)) {
        out.error(ID, id, Paths.item(c, "sipTrunks", i, "destinations"), null,
            new Fix(Windows.SIP_TRUNK, t.name(), "destinations"), Findings.label("label.sipTrunk.destinations"));
      }
    }
    field(out, id, c, cl.remoteClusters(), "remoteClusters", RemoteCluster::fullyQualifiedName,
        RemoteCluster::clusterId, Windows.REMOTE_CLUSTER, "fullyQualifiedName",
        "label.remoteCluster.fullyQualifiedName");
  }

  /** An object without its name: the fix names no object (there is none to name). */
  private static <T> void names(Findings out, String cluster, int c, Cluster cl, NamedCollections.Named<T> named) {
    List<T> items = named.items().apply(cl);
    for (int i = 0; i < items.size(); i++) {
      if (blank(named.name().apply(items.get(i)))) {
        out.error(ID, cluster, named.path(c, i), null, named.fix(), Findings.label(named.label()));
      }
    }
  }

  /** Another required field of each object of a collection: the fix names the object. */
  private static <T> void field(Findings out, String cluster, int c, List<T> items, String collection,
      Function<T, String> field, Function<T, String> objectName, String window, String key, String label) {
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (blank(field.apply(item))) {
        out.error(ID, cluster, Paths.item(c, collection, i, key), null, new Fix(window, objectName.apply(item), key),
            Findings.label(label));
      }
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
