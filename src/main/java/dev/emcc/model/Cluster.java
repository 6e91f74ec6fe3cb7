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

  /** The constructor before {@code certificateExport} existed: no export recorded. */
  public Cluster(
      String clusterId, String version, SecurityMode securityMode, Integer maxPhones, List<Node> nodes,
      TrustStores trustStores, EmServiceParameters emServiceParameters, List<DeviceModel> deviceModels,
      List<PhoneService> phoneServices, List<DeviceProfile> deviceProfiles, List<EndUser> endUsers,
      List<Phone> phones, List<CommonDeviceConfig> commonDeviceConfigs, List<EmccTemplate> emccTemplates,
      EmccDevices emccDevices, List<Geolocation> geolocations, List<GeolocationFilter> geolocationFilters,
      List<DevicePool> devicePools, EmccFeatureConfig emccFeatureConfig, List<SipTrunk> sipTrunks,
      InterclusterServiceProfile interclusterServiceProfile, List<RemoteCluster> remoteClusters) {
    this(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, null);
  }

  /** An empty cluster with CUCM defaults. */
  public static Cluster empty(String clusterId, String version) {
    return new Cluster(clusterId, version, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public Cluster withClusterId(String value) {
    return new Cluster(value, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withVersion(String value) {
    return new Cluster(clusterId, value, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withSecurityMode(SecurityMode value) {
    return new Cluster(clusterId, version, value, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withMaxPhones(Integer value) {
    return new Cluster(clusterId, version, securityMode, value, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withNodes(List<Node> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, value, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withTrustStores(TrustStores value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, value, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withEmServiceParameters(EmServiceParameters value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, value, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withDeviceModels(List<DeviceModel> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, value, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withPhoneServices(List<PhoneService> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, value, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withDeviceProfiles(List<DeviceProfile> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, value, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withEndUsers(List<EndUser> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, value, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withPhones(List<Phone> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, value, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withCommonDeviceConfigs(List<CommonDeviceConfig> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, value, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withEmccTemplates(List<EmccTemplate> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, value, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withEmccDevices(EmccDevices value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, value, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withGeolocations(List<Geolocation> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, value, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withGeolocationFilters(List<GeolocationFilter> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, value, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withDevicePools(List<DevicePool> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, value, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withEmccFeatureConfig(EmccFeatureConfig value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, value, sipTrunks, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withSipTrunks(List<SipTrunk> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, value, interclusterServiceProfile, remoteClusters, certificateExport);
  }

  public Cluster withInterclusterServiceProfile(InterclusterServiceProfile value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, value, remoteClusters, certificateExport);
  }

  public Cluster withRemoteClusters(List<RemoteCluster> value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, value, certificateExport);
  }

  public Cluster withCertificateExport(CertificateExport value) {
    return new Cluster(clusterId, version, securityMode, maxPhones, nodes, trustStores, emServiceParameters, deviceModels, phoneServices, deviceProfiles, endUsers, phones, commonDeviceConfigs, emccTemplates, emccDevices, geolocations, geolocationFilters, devicePools, emccFeatureConfig, sipTrunks, interclusterServiceProfile, remoteClusters, value);
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
