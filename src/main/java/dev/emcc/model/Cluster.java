package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Unified CM cluster: its nodes and every EMCC configuration window's objects. Missing parts
 * take the CUCM defaults of a fresh cluster. {@code certificateExport} records the last bulk
 * certificate export (null until one has run).
 */
public record Cluster(
    String clusterId,
    String version,
    SecurityMode securityMode,
    Integer maxPhones,
    List<Node> nodes,
    TrustStores trustStores,
    EmServiceParameters emServiceParameters,
    List<DeviceModel> deviceModels,
    List<PhoneService> phoneServices,
    List<DeviceProfile> deviceProfiles,
    List<EndUser> endUsers,
    List<ApplicationUser> applicationUsers,
    List<Phone> phones,
    List<CommonDeviceConfig> commonDeviceConfigs,
    List<EmccTemplate> emccTemplates,
    EmccDevices emccDevices,
    List<Geolocation> geolocations,
    List<GeolocationFilter> geolocationFilters,
    List<DevicePool> devicePools,
    EmccFeatureConfig emccFeatureConfig,
    List<SipTrunk> sipTrunks,
    InterclusterServiceProfile interclusterServiceProfile,
    List<RemoteCluster> remoteClusters,
    // left out of the document until a bulk export has run, so existing documents stay as they are
    @JsonInclude(JsonInclude.Include.NON_NULL) CertificateExport certificateExport) {

  /** CUCM's largest supported MaxPhones; capacity counts phones + 2 x EMCC devices. */
  public static final int DEFAULT_MAX_PHONES = 60_000;

  public Cluster {
    securityMode = Defaults.or(securityMode, SecurityMode.NON_SECURE);
    maxPhones = Defaults.or(maxPhones, DEFAULT_MAX_PHONES);
    nodes = Defaults.list(nodes);
    trustStores = Defaults.or(trustStores, TrustStores.EMPTY);
    emServiceParameters = Defaults.or(emServiceParameters, EmServiceParameters.DEFAULTS);
    deviceModels = Defaults.list(deviceModels);
    phoneServices = Defaults.list(phoneServices);
    deviceProfiles = Defaults.list(deviceProfiles);
    endUsers = Defaults.list(endUsers);
    applicationUsers = Defaults.list(applicationUsers);
    phones = Defaults.list(phones);
    commonDeviceConfigs = Defaults.list(commonDeviceConfigs);
    emccTemplates = Defaults.list(emccTemplates);
    emccDevices = Defaults.or(emccDevices, EmccDevices.NONE);
    geolocations = Defaults.list(geolocations);
    geolocationFilters = Defaults.list(geolocationFilters);
    devicePools = Defaults.list(devicePools);
    emccFeatureConfig = Defaults.or(emccFeatureConfig, EmccFeatureConfig.DEFAULTS);
    sipTrunks = Defaults.list(sipTrunks);
    interclusterServiceProfile = Defaults.or(interclusterServiceProfile, InterclusterServiceProfile.INACTIVE);
    remoteClusters = Defaults.list(remoteClusters);
  }

  /** An empty cluster with CUCM defaults. */
  public static Cluster empty(String clusterId, String version) {
    return new Cluster(clusterId, version, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  /** This cluster with {@code items} as its objects of {@code collection} (a single object: the one given). */
  public <T> Cluster with(ClusterCollection<T> collection, List<T> items) {
    return collection.with(this, items);
  }

  /** This cluster with one component replaced, through the canonical constructor (defaults apply). */
  Cluster copy(String component, Object value) {
    return COPY.with(this, component, value);
  }

  private static final RecordCopy<Cluster> COPY = RecordCopy.of(Cluster.class);

  /** This cluster with its single object of {@code collection} replaced (null: the default). */
  private <T> Cluster withSingle(ClusterCollection<T> collection, T value) {
    return copy(collection.key(), value);
  }

  public Cluster withClusterId(String value) {
    return copy("clusterId", value);
  }

  public Cluster withVersion(String value) {
    return copy("version", value);
  }

  public Cluster withSecurityMode(SecurityMode value) {
    return copy("securityMode", value);
  }

  public Cluster withMaxPhones(Integer value) {
    return copy("maxPhones", value);
  }

  public Cluster withNodes(List<Node> value) {
    return with(ClusterCollection.NODES, value);
  }

  public Cluster withTrustStores(TrustStores value) {
    return withSingle(ClusterCollection.TRUST_STORES, value);
  }

  public Cluster withEmServiceParameters(EmServiceParameters value) {
    return withSingle(ClusterCollection.EM_SERVICE_PARAMETERS, value);
  }

  public Cluster withDeviceModels(List<DeviceModel> value) {
    return with(ClusterCollection.DEVICE_MODELS, value);
  }

  public Cluster withPhoneServices(List<PhoneService> value) {
    return with(ClusterCollection.PHONE_SERVICES, value);
  }

  public Cluster withDeviceProfiles(List<DeviceProfile> value) {
    return with(ClusterCollection.DEVICE_PROFILES, value);
  }

  public Cluster withEndUsers(List<EndUser> value) {
    return with(ClusterCollection.END_USERS, value);
  }

  public Cluster withApplicationUsers(List<ApplicationUser> value) {
    return with(ClusterCollection.APPLICATION_USERS, value);
  }

  public Cluster withPhones(List<Phone> value) {
    return with(ClusterCollection.PHONES, value);
  }

  public Cluster withCommonDeviceConfigs(List<CommonDeviceConfig> value) {
    return with(ClusterCollection.COMMON_DEVICE_CONFIGS, value);
  }

  public Cluster withEmccTemplates(List<EmccTemplate> value) {
    return with(ClusterCollection.EMCC_TEMPLATES, value);
  }

  public Cluster withEmccDevices(EmccDevices value) {
    return withSingle(ClusterCollection.EMCC_DEVICES, value);
  }

  public Cluster withGeolocations(List<Geolocation> value) {
    return with(ClusterCollection.GEOLOCATIONS, value);
  }

  public Cluster withGeolocationFilters(List<GeolocationFilter> value) {
    return with(ClusterCollection.GEOLOCATION_FILTERS, value);
  }

  public Cluster withDevicePools(List<DevicePool> value) {
    return with(ClusterCollection.DEVICE_POOLS, value);
  }

  public Cluster withEmccFeatureConfig(EmccFeatureConfig value) {
    return withSingle(ClusterCollection.EMCC_FEATURE_CONFIG, value);
  }

  public Cluster withSipTrunks(List<SipTrunk> value) {
    return with(ClusterCollection.SIP_TRUNKS, value);
  }

  public Cluster withInterclusterServiceProfile(InterclusterServiceProfile value) {
    return withSingle(ClusterCollection.INTERCLUSTER_SERVICE_PROFILE, value);
  }

  public Cluster withRemoteClusters(List<RemoteCluster> value) {
    return with(ClusterCollection.REMOTE_CLUSTERS, value);
  }

  public Cluster withCertificateExport(CertificateExport value) {
    return withSingle(ClusterCollection.CERTIFICATE_EXPORT, value);
  }

  public Optional<Node> node(String nameOrAddress) {
    return nodes.stream().filter(n -> n.isNamed(nameOrAddress)).findFirst();
  }

  public Optional<Node> publisher() {
    return nodes.stream().filter(Node::publisher).findFirst();
  }

  public Optional<Phone> phone(String name) {
    return find(phones, Phone::name, name);
  }

  public Optional<EndUser> endUser(String userId) {
    return find(endUsers, EndUser::userId, userId);
  }

  public Optional<DeviceProfile> deviceProfile(String name) {
    return find(deviceProfiles, DeviceProfile::name, name);
  }

  public Optional<PhoneService> phoneService(String name) {
    return find(phoneServices, PhoneService::name, name);
  }

  public Optional<Geolocation> geolocation(String name) {
    return find(geolocations, Geolocation::name, name);
  }

  public Optional<GeolocationFilter> geolocationFilter(String name) {
    return find(geolocationFilters, GeolocationFilter::name, name);
  }

  public Optional<DevicePool> devicePool(String name) {
    return find(devicePools, DevicePool::name, name);
  }

  public Optional<EmccTemplate> emccTemplate(String name) {
    return find(emccTemplates, EmccTemplate::name, name);
  }

  public Optional<CommonDeviceConfig> commonDeviceConfig(String name) {
    return find(commonDeviceConfigs, CommonDeviceConfig::name, name);
  }

  public Optional<SipTrunk> sipTrunk(String name) {
    return find(sipTrunks, SipTrunk::name, name);
  }

  /** This cluster with a new remote cluster entry, its services as {@link RemoteCluster#added} sets them. */
  public Cluster withRemoteClusterAdded(String id, String fullyQualifiedName, String description) {
    List<RemoteCluster> more = new java.util.ArrayList<>(remoteClusters);
    more.add(RemoteCluster.added(id, fullyQualifiedName, description, emccFeatureConfig));
    return withRemoteClusters(more);
  }

  public Optional<RemoteCluster> remoteCluster(String clusterId) {
    return remoteClusters.stream().filter(r -> r.clusterId().equalsIgnoreCase(clusterId)).findFirst();
  }

  /** The Extension Mobility phone service(s): those whose URL points at EMAppServlet. */
  public List<PhoneService> extensionMobilityServices() {
    return phoneServices.stream().filter(PhoneService::isExtensionMobility).toList();
  }

  /** Devices counted against MaxPhones: phones + 2 x EMCC devices (seed, restrictions). */
  public long countedDevices() {
    return phones.size() + 2L * emccDevices.names().size();
  }

  /** The version as numbers: "11.5" is [11, 5]; unparseable parts count as 0. */
  public int[] versionNumbers() {
    return Versions.parse(version);
  }

  private static <T> Optional<T> find(List<T> items, Function<T, String> key, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (T item : items) {
      if (value.equals(key.apply(item))) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }
}
