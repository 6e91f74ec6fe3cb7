package dev.emcc.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.Json;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrustStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of stored object: a collection of a cluster (its JSON key, element type and key field)
 * or a singleton (a cluster-wide object stored under the fixed name {@link #SINGLETON_NAME}).
 * The order of {@link #ALL} is the order of the cluster document's keys.
 *
 * @param <T> the model record the objects are read as
 */
public final class ObjectKind<T> {
  /** The object name of every singleton (cluster settings, trust stores, ...). */
  public static final String SINGLETON_NAME = "";

  public static final ObjectKind<ClusterSettings> CLUSTER =
      singleton("cluster", ClusterSettings.class, ClusterSettings::of);
  public static final ObjectKind<Node> NODES = list("nodes", Node.class, Node::name, Cluster::nodes);
  public static final ObjectKind<TrustStores> TRUST_STORES =
      singleton("trustStores", TrustStores.class, Cluster::trustStores);
  public static final ObjectKind<EmServiceParameters> EM_SERVICE_PARAMETERS =
      singleton("emServiceParameters", EmServiceParameters.class, Cluster::emServiceParameters);
  public static final ObjectKind<DeviceModel> DEVICE_MODELS =
      list("deviceModels", DeviceModel.class, DeviceModel::name, Cluster::deviceModels);
  public static final ObjectKind<PhoneService> PHONE_SERVICES =
      list("phoneServices", PhoneService.class, PhoneService::name, Cluster::phoneServices);
  public static final ObjectKind<DeviceProfile> DEVICE_PROFILES =
      list("deviceProfiles", DeviceProfile.class, DeviceProfile::name, Cluster::deviceProfiles);
  public static final ObjectKind<EndUser> END_USERS =
      list("endUsers", EndUser.class, EndUser::userId, Cluster::endUsers);
  public static final ObjectKind<Phone> PHONES = list("phones", Phone.class, Phone::name, Cluster::phones);
  public static final ObjectKind<CommonDeviceConfig> COMMON_DEVICE_CONFIGS = list("commonDeviceConfigs",
      CommonDeviceConfig.class, CommonDeviceConfig::name, Cluster::commonDeviceConfigs);
  public static final ObjectKind<EmccTemplate> EMCC_TEMPLATES =
      list("emccTemplates", EmccTemplate.class, EmccTemplate::name, Cluster::emccTemplates);
  public static final ObjectKind<EmccDevices> EMCC_DEVICES =
      singleton("emccDevices", EmccDevices.class, Cluster::emccDevices);
  public static final ObjectKind<Geolocation> GEOLOCATIONS =
      list("geolocations", Geolocation.class, Geolocation::name, Cluster::geolocations);
  public static final ObjectKind<GeolocationFilter> GEOLOCATION_FILTERS = list("geolocationFilters",
      GeolocationFilter.class, GeolocationFilter::name, Cluster::geolocationFilters);
  public static final ObjectKind<DevicePool> DEVICE_POOLS =
      list("devicePools", DevicePool.class, DevicePool::name, Cluster::devicePools);
  public static final ObjectKind<EmccFeatureConfig> EMCC_FEATURE_CONFIG =
      singleton("emccFeatureConfig", EmccFeatureConfig.class, Cluster::emccFeatureConfig);
  public static final ObjectKind<SipTrunk> SIP_TRUNKS =
      list("sipTrunks", SipTrunk.class, SipTrunk::name, Cluster::sipTrunks);
  public static final ObjectKind<InterclusterServiceProfile> INTERCLUSTER_SERVICE_PROFILE = singleton(
      "interclusterServiceProfile", InterclusterServiceProfile.class, Cluster::interclusterServiceProfile);
  public static final ObjectKind<RemoteCluster> REMOTE_CLUSTERS =
      list("remoteClusters", RemoteCluster.class, RemoteCluster::clusterId, Cluster::remoteClusters);

  public static final ObjectKind<CertificateExport> CERTIFICATE_EXPORT =
      singleton("certificateExport", CertificateExport.class, Cluster::certificateExport);

  public static final List<ObjectKind<?>> ALL = List.of(CLUSTER, NODES, TRUST_STORES, EM_SERVICE_PARAMETERS,
      DEVICE_MODELS, PHONE_SERVICES, DEVICE_PROFILES, END_USERS, PHONES, COMMON_DEVICE_CONFIGS, EMCC_TEMPLATES,
      EMCC_DEVICES, GEOLOCATIONS, GEOLOCATION_FILTERS, DEVICE_POOLS, EMCC_FEATURE_CONFIG, SIP_TRUNKS,
      INTERCLUSTER_SERVICE_PROFILE, REMOTE_CLUSTERS, CERTIFICATE_EXPORT);

  private static final Map<String, ObjectKind<?>> BY_KEY = index();

  private final String key;
  private final Class<T> type;
  private final boolean singleton;
  private final Function<T, String> nameOf;
  private final Function<Cluster, List<T>> itemsOf;
  // Made on first use, not with the class: building a reader or writer builds the (de)serialisers
  // of the type and everything in it, and a load in a fresh JVM needs only the row readers.
  // A race makes one twice; both are equal and immutable.
  private volatile ObjectWriter writer;
  private volatile ObjectReader reader;
  private volatile ObjectReader rowReader;

  private ObjectKind(String key, Class<T> type, boolean singleton, Function<T, String> nameOf,
      Function<Cluster, List<T>> itemsOf) {
    this.key = key;
    this.type = type;
    this.singleton = singleton;
    this.nameOf = nameOf;
    this.itemsOf = itemsOf;
  }

  private static <T> ObjectKind<T> list(String key, Class<T> type, Function<T, String> nameOf,
      Function<Cluster, List<T>> itemsOf) {
    return new ObjectKind<>(key, type, false, nameOf, itemsOf);
  }

  private static <T> ObjectKind<T> singleton(String key, Class<T> type, Function<Cluster, T> valueOf) {
    // An optional singleton (certificateExport) is null until it exists: no row then.
    return new ObjectKind<>(key, type, true, v -> SINGLETON_NAME, c -> {
      T value = valueOf.apply(c);
      return value == null ? List.of() : List.of(value);
    });
  }

  private static Map<String, ObjectKind<?>> index() {
    Map<String, ObjectKind<?>> m = new LinkedHashMap<>();
    for (ObjectKind<?> k : ALL) {
      m.put(k.key, k);
    }
    return Map.copyOf(m);
  }

  /** The kind stored under a collection key such as {@code phones} or {@code trustStores}. */
  public static Optional<ObjectKind<?>> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  static ObjectKind<?> require(String key) {
    ObjectKind<?> k = BY_KEY.get(key);
    if (k == null) {
      throw new IllegalArgumentException("unknown collection \"" + key + "\": expected one of " + BY_KEY.keySet());
    }
    return k;
  }

  /** The cluster document's key: {@code phones}, {@code endUsers}, {@code trustStores}, ... */
  public String key() {
    return key;
  }

  public Class<T> type() {
    return type;
  }

  public boolean singleton() {
    return singleton;
  }

  /** The object's name: its key field ({@code name}, {@code userId}, {@code clusterId}), or "" for singletons. */
  public String nameOf(T value) {
    return nameOf.apply(value);
  }

  /** The JSON key of the field that names an object ({@code name}, {@code userId}, {@code clusterId}). */
  public String idField() {
    return this == END_USERS ? "userId" : this == REMOTE_CLUSTERS ? "clusterId" : "name";
  }

  /** The cluster's objects of this kind, in document order (one element for a singleton). */
  public List<T> itemsOf(Cluster cluster) {
    return itemsOf.apply(cluster);
  }

  /** Compact JSON (the workspace format's keys and values, without the indentation). */
  ObjectWriter writer() {
    ObjectWriter w = writer;
    if (w == null) {
      w = Json.mapper().writerFor(type).without(SerializationFeature.INDENT_OUTPUT);
      writer = w;
    }
    return w;
  }

  ObjectReader reader() {
    ObjectReader r = reader;
    if (r == null) {
      r = Json.mapper().readerFor(type);
      reader = r;
    }
    return r;
  }

  /**
   * For the store's own rows only, one value at a time from a parser over many rows: no
   * duplicate-key check (the writer cannot repeat a key) and the caller checks what follows.
   */
  ObjectReader rowReader() {
    ObjectReader r = rowReader;
    if (r == null) {
      r = Json.ownOutputMapper().readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      rowReader = r;
    }
    return r;
  }

  @Override
  public String toString() {
    return key;
  }
}
