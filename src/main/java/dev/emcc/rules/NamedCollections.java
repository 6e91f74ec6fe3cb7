package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.SipTrunk;
import java.util.List;
import java.util.function.Function;

/**
 * The listed collections of a cluster, each with the field that names its objects (its key in
 * the workspace document, the window that edits it, its label). The rules that treat every
 * collection alike (a name is required; a name is unique) walk this one list, so a new
 * collection is added here once.
 */
final class NamedCollections {
  private NamedCollections() {}

  /** One collection of a cluster and its naming field. */
  record Named<T>(String collection, Function<Cluster, List<T>> items, Function<T, String> name, String window,
      String field, String label) {
    /** The path of the naming field of item {@code i} of cluster {@code c}. */
    String path(int c, int i) {
      return Paths.item(c, collection, i, field);
    }

    Fix fix() {
      return new Fix(window, null, field);
    }
  }

  /** Phones: their names share one namespace with the EMCC devices (see UniqueNameRule). */
  static final Named<Phone> PHONES =
      new Named<>("phones", Cluster::phones, Phone::name, Windows.PHONE, "name", "label.phone.name");

  static final List<Named<?>> ALL = List.of(
      new Named<>("nodes", Cluster::nodes, Node::name, Windows.SERVICE_ACTIVATION, "name", "label.node.name"),
      new Named<>("phoneServices", Cluster::phoneServices, PhoneService::name, Windows.PHONE_SERVICE, "name",
          "label.phoneService.name"),
      new Named<>("deviceProfiles", Cluster::deviceProfiles, DeviceProfile::name, Windows.DEVICE_PROFILE, "name",
          "label.deviceProfile.name"),
      new Named<>("endUsers", Cluster::endUsers, EndUser::userId, Windows.END_USER, "userId", "label.endUser.userId"),
      PHONES,
      new Named<>("commonDeviceConfigs", Cluster::commonDeviceConfigs, CommonDeviceConfig::name,
          Windows.COMMON_DEVICE_CONFIG, "name", "label.commonDeviceConfig.name"),
      new Named<>("emccTemplates", Cluster::emccTemplates, EmccTemplate::name, Windows.EMCC_TEMPLATE, "name",
          "label.emccTemplate.name"),
      new Named<>("geolocations", Cluster::geolocations, Geolocation::name, Windows.GEOLOCATION, "name",
          "label.geolocation.name"),
      new Named<>("geolocationFilters", Cluster::geolocationFilters, GeolocationFilter::name,
          Windows.GEOLOCATION_FILTER, "name", "label.geolocationFilter.name"),
      new Named<>("devicePools", Cluster::devicePools, DevicePool::name, Windows.DEVICE_POOL, "name",
          "label.devicePool.name"),
      new Named<>("sipTrunks", Cluster::sipTrunks, SipTrunk::name, Windows.SIP_TRUNK, "name", "label.sipTrunk.name"),
      new Named<>("remoteClusters", Cluster::remoteClusters, RemoteCluster::clusterId, Windows.REMOTE_CLUSTER,
          "clusterId", "label.remoteCluster.clusterId"),
      new Named<>("deviceModels", Cluster::deviceModels, DeviceModel::name, Windows.DEVICE_MODEL, "name",
          "label.deviceModel.name"));
}
