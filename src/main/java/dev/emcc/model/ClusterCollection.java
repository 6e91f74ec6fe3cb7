package dev.emcc.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One part of a cluster, described once: its key in the cluster document (also its component of
 * {@link Cluster}), its record type, and either the field that names each object of a list or
 * that it is a single object. The store keeps a row per object of each, a node serves them, sync
 * compares them, the rules and the schema's windows walk them: {@link #ALL} is that one list, in
 * the cluster document's order.
 *
 * <p>A new collection: its record, its component in {@link Cluster} (with the default of a fresh
 * cluster), one entry here and in {@link #ALL}, and its window in the schema (docs/architecture.md).
 *
 * @param <T> the record of its objects
 */
public final class ClusterCollection<T> {
  /** The cluster window's own fields (id, version, security mode, MaxPhones) as one object. */
  public static final ClusterCollection<ClusterSettings> CLUSTER = new ClusterCollection<>("cluster",
      ClusterSettings.class, null, null, c -> List.of(ClusterSettings.of(c)),
      (c, s) -> s.isEmpty() ? c : s.get(0).applyTo(c), true);
  public static final ClusterCollection<Node> NODES = list("nodes", Node.class, "name", Node::name, Cluster::nodes);
  public static final ClusterCollection<TrustStores> TRUST_STORES =
      single("trustStores", TrustStores.class, Cluster::trustStores, true);
  public static final ClusterCollection<EmServiceParameters> EM_SERVICE_PARAMETERS =
      single("emServiceParameters", EmServiceParameters.class, Cluster::emServiceParameters, true);
  public static final ClusterCollection<DeviceModel> DEVICE_MODELS =
      list("deviceModels", DeviceModel.class, "name", DeviceModel::name, Cluster::deviceModels);
  public static final ClusterCollection<PhoneService> PHONE_SERVICES =
      list("phoneServices", PhoneService.class, "name", PhoneService::name, Cluster::phoneServices);
  public static final ClusterCollection<DeviceProfile> DEVICE_PROFILES =
      list("deviceProfiles", DeviceProfile.class, "name", DeviceProfile::name, Cluster::deviceProfiles);
  public static final ClusterCollection<EndUser> END_USERS =
      list("endUsers", EndUser.class, "userId", EndUser::userId, Cluster::endUsers);
  /** User Management > Application User: the accounts of programs (EM API and AXL clients). */
  public static final ClusterCollection<ApplicationUser> APPLICATION_USERS = list("applicationUsers",
      ApplicationUser.class, "userId", ApplicationUser::userId, Cluster::applicationUsers);
  public static final ClusterCollection<Phone> PHONES = list("phones", Phone.class, "name", Phone::name, Cluster::phones);
  public static final ClusterCollection<CommonDeviceConfig> COMMON_DEVICE_CONFIGS = list("commonDeviceConfigs",
      CommonDeviceConfig.class, "name", CommonDeviceConfig::name, Cluster::commonDeviceConfigs);
  public static final ClusterCollection<EmccTemplate> EMCC_TEMPLATES =
      list("emccTemplates", EmccTemplate.class, "name", EmccTemplate::name, Cluster::emccTemplates);
  public static final ClusterCollection<EmccDevices> EMCC_DEVICES =
      single("emccDevices", EmccDevices.class, Cluster::emccDevices, true);
  public static final ClusterCollection<Geolocation> GEOLOCATIONS =
      list("geolocations", Geolocation.class, "name", Geolocation::name, Cluster::geolocations);
  public static final ClusterCollection<GeolocationFilter> GEOLOCATION_FILTERS = list("geolocationFilters",
      GeolocationFilter.class, "name", GeolocationFilter::name, Cluster::geolocationFilters);
  public static final ClusterCollection<DevicePool> DEVICE_POOLS =
      list("devicePools", DevicePool.class, "name", DevicePool::name, Cluster::devicePools);
  public static final ClusterCollection<EmccFeatureConfig> EMCC_FEATURE_CONFIG =
      single("emccFeatureConfig", EmccFeatureConfig.class, Cluster::emccFeatureConfig, true);
  public static final ClusterCollection<SipTrunk> SIP_TRUNKS =
      list("sipTrunks", SipTrunk.class, "name", SipTrunk::name, Cluster::sipTrunks);
  public static final ClusterCollection<InterclusterServiceProfile> INTERCLUSTER_SERVICE_PROFILE = single(
      "interclusterServiceProfile", InterclusterServiceProfile.class, Cluster::interclusterServiceProfile, true);
  public static final ClusterCollection<RemoteCluster> REMOTE_CLUSTERS =
      list("remoteClusters", RemoteCluster.class, "clusterId", RemoteCluster::clusterId, Cluster::remoteClusters);
  /** The console's record of its last bulk certificate export: kept in the store, not on nodes. */
  public static final ClusterCollection<CertificateExport> CERTIFICATE_EXPORT =
      single("certificateExport", CertificateExport.class, Cluster::certificateExport, false);

  /** Every part of a cluster, in the cluster document's order. */
  public static final List<ClusterCollection<?>> ALL = List.of(CLUSTER, NODES, TRUST_STORES, EM_SERVICE_PARAMETERS,
      DEVICE_MODELS, PHONE_SERVICES, DEVICE_PROFILES, END_USERS, APPLICATION_USERS, PHONES, COMMON_DEVICE_CONFIGS, EMCC_TEMPLATES,
      EMCC_DEVICES, GEOLOCATIONS, GEOLOCATION_FILTERS, DEVICE_POOLS, EMCC_FEATURE_CONFIG, SIP_TRUNKS,
      INTERCLUSTER_SERVICE_PROFILE, REMOTE_CLUSTERS, CERTIFICATE_EXPORT);

  private static final Map<String, ClusterCollection<?>> BY_KEY = index();

  private final String key;
  private final Class<T> type;
  private final String idField;
  private final Function<T, String> nameOf;
  private final Function<Cluster, List<T>> items;
  private final BiFunction<Cluster, List<T>, Cluster> with;
  private final boolean onNodes;

  private ClusterCollection(String key, Class<T> type, String idField, Function<T, String> nameOf,
      Function<Cluster, List<T>> items, BiFunction<Cluster, List<T>, Cluster> with, boolean onNodes) {
    this.key = key;
    this.type = type;
    this.idField = idField;
    this.nameOf = nameOf;
    this.items = items;
    this.with = with;
    this.onNodes = onNodes;
  }

  private static <T> ClusterCollection<T> list(String key, Class<T> type, String idField, Function<T, String> nameOf,
      Function<Cluster, List<T>> items) {
    return new ClusterCollection<>(key, type, idField, nameOf, items, (c, v) -> c.copy(key, v), true);
  }

  /** A single object: put back, none is null, which the cluster turns into its default. */
  private static <T> ClusterCollection<T> single(String key, Class<T> type, Function<Cluster, T> value, boolean onNodes) {
    return new ClusterCollection<>(key, type, null, null, c -> {
      T v = value.apply(c);
      return v == null ? List.of() : List.of(v);
    }, (c, v) -> c.copy(key, v.isEmpty() ? null : v.get(0)), onNodes);
  }

  private static Map<String, ClusterCollection<?>> index() {
    Map<String, ClusterCollection<?>> m = new LinkedHashMap<>();
    for (ClusterCollection<?> c : ALL) {
      if (m.put(c.key, c) != null) {
        throw new IllegalStateException("two collections with the key " + c.key);
      }
    }
    return Map.copyOf(m);
  }

  /** The part stored under a key such as {@code phones} or {@code trustStores}. */
  public static Optional<ClusterCollection<?>> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The cluster document's key: {@code phones}, {@code endUsers}, {@code trustStores}, ... */
  public String key() {
    return key;
  }

  public Class<T> type() {
    return type;
  }

  /** True for a single object of the cluster (the settings, trust stores, ...), false for a list of named ones. */
  public boolean singleton() {
    return idField == null;
  }

  /** The JSON key of the field that names an object of a list ({@code name}, {@code userId}, {@code clusterId}); null for a single object. */
  public String idField() {
    return idField;
  }

  /** The object's name: its {@link #idField()}'s value; "" for a single object. */
  public String nameOf(T value) {
    return nameOf == null ? "" : nameOf.apply(value);
  }

  /** The cluster's objects of this part, in document order: a single object is one (none while it is null). */
  public List<T> items(Cluster cluster) {
    return items.apply(cluster);
  }

  /** The single object of the cluster, null when it has none. */
  public T value(Cluster cluster) {
    List<T> v = items.apply(cluster);
    return v.isEmpty() ? null : v.get(0);
  }

  /** The cluster with these objects in place of its own (a single object: the one given, or its default). */
  public Cluster with(Cluster cluster, List<T> objects) {
    return with.apply(cluster, objects);
  }

  /** True when a cluster node serves this part (all but the console's own export record). */
  public boolean onNodes() {
    return onNodes;
  }

  @Override
  public String toString() {
    return key;
  }
}
