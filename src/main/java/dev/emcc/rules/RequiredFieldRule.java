package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.Phone;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ClusterFields;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.EmccTemplateFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.PhoneServiceFields;
import dev.emcc.schema.RemoteClusterFields;
import dev.emcc.schema.SipTrunkFields;
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
      out.error(ID, id, Paths.of(c, "clusterId"), null, Fix.at(ClusterFields.CLUSTER_ID, null), ClusterFields.CLUSTER_ID);
    }
    if (blank(cl.version())) {
      out.error(ID, id, Paths.of(c, "version"), null, Fix.at(ClusterFields.VERSION, null), ClusterFields.VERSION);
    }
    for (NamedCollections.Named<?> named : NamedCollections.ALL) {
      names(out, id, c, cl, named);
    }
    for (int i = 0; i < cl.phoneServices().size(); i++) {
      var s = cl.phoneServices().get(i);
      if (blank(s.serviceUrl())) {
        out.error(ID, id, Paths.item(c, "phoneServices", i, "serviceUrl"), null,
            Fix.at(PhoneServiceFields.SERVICE_URL, s.name()), PhoneServiceFields.SERVICE_URL);
      }
    }
    field(out, id, c, cl.deviceProfiles(), "deviceProfiles", DeviceProfile::productType, DeviceProfile::name,
        DeviceProfileFields.PRODUCT_TYPE);
    for (int i = 0; i < cl.deviceProfiles().size(); i++) {
      DeviceProfile p = cl.deviceProfiles().get(i);
      for (int l = 0; l < p.lines().size(); l++) {
        if (blank(p.lines().get(l).directoryNumber())) {
          out.error(ID, id, Paths.item(c, "deviceProfiles", i, "lines[" + l + "].directoryNumber"), null,
              Fix.at(DeviceProfileFields.LINES, p.name()), DeviceProfileFields.LINE_DIRECTORY_NUMBER);
        }
      }
    }
    field(out, id, c, cl.phones(), "phones", Phone::model, Phone::name, PhoneFields.MODEL);
    field(out, id, c, cl.emccTemplates(), "emccTemplates", EmccTemplate::commonDeviceConfig, EmccTemplate::name,
        EmccTemplateFields.COMMON_DEVICE_CONFIG);
    for (int i = 0; i < cl.sipTrunks().size(); i++) {
      var t = cl.sipTrunks().get(i);
      if (t.destinations().isEmpty() || t.destinations().stream().anyMatch(RequiredFieldRule::blank)) {
        out.error(ID, id, Paths.item(c, "sipTrunks", i, "destinations"), null,
            Fix.at(SipTrunkFields.DESTINATIONS, t.name()), SipTrunkFields.DESTINATIONS);
      }
    }
    field(out, id, c, cl.remoteClusters(), "remoteClusters", RemoteCluster::fullyQualifiedName,
        RemoteCluster::clusterId, RemoteClusterFields.FULLY_QUALIFIED_NAME);
  }

  /** An object without its name: the fix names no object (there is none to name). */
  private static <T> void names(Findings out, String cluster, int c, Cluster cl, NamedCollections.Named<T> named) {
    List<T> items = named.items().apply(cl);
    for (int i = 0; i < items.size(); i++) {
      if (blank(named.name().apply(items.get(i)))) {
        out.error(ID, cluster, named.path(c, i), null, named.fix(), named.field());
      }
    }
  }

  /** Another required field of each object of a collection: the fix names the object. */
  private static <T> void field(Findings out, String cluster, int c, List<T> items, String collection,
      Function<T, String> value, Function<T, String> objectName, Field field) {
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (blank(value.apply(item))) {
        out.error(ID, cluster, Paths.item(c, collection, i, field.key()), null, Fix.at(field, objectName.apply(item)),
            field);
      }
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
