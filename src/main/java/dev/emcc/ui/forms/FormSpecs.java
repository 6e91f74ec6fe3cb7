package dev.emcc.ui.forms;

import static dev.emcc.ui.forms.FieldSpec.check;
import static dev.emcc.ui.forms.FieldSpec.choice;
import static dev.emcc.ui.forms.FieldSpec.dual;
import static dev.emcc.ui.forms.FieldSpec.dualOf;
import static dev.emcc.ui.forms.FieldSpec.freeRef;
import static dev.emcc.ui.forms.FieldSpec.integer;
import static dev.emcc.ui.forms.FieldSpec.lines;
import static dev.emcc.ui.forms.FieldSpec.list;
import static dev.emcc.ui.forms.FieldSpec.ref;
import static dev.emcc.ui.forms.FieldSpec.text;
import static dev.emcc.ui.forms.SectionSpec.of;

import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.DndIncomingCallAlert;
import dev.emcc.model.DndOption;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.IpAddressingMode;
import dev.emcc.model.IpAddressingModePreference;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import dev.emcc.model.Node;
import dev.emcc.model.OnOffDefault;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Protocol;
import dev.emcc.model.PstnAccessTrunkCss;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.ServiceCategory;
import dev.emcc.model.ServiceType;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.SingleButtonBarge;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrunkServiceType;
import dev.emcc.ui.forms.CollectionBinding.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every configuration window of the console, as data. Field keys are the workspace document's
 * JSON keys; defaults are CUCM's (reference §4, §8).
 */
public final class FormSpecs {
  private static final Map<String, FormSpec> ALL = build();

  private FormSpecs() {}

  public static Optional<FormSpec> get(String window) {
    return Optional.ofNullable(ALL.get(window));
  }

  public static Map<String, FormSpec> all() {
    return ALL;
  }

  private static <T> List<String> names(List<T> items, Function<T, String> name) {
    return items.stream().map(name).filter(n -> n != null && !n.isEmpty()).toList();
  }

  static List<String> nodeNames(Cluster c) {
    return names(c.nodes(), Node::name);
  }

  static List<String> modelNames(Cluster c) {
    return DeviceModels.builtIn().with(c.deviceModels()).all().stream().map(DeviceModel::name).toList();
  }

  private static Map<String, FormSpec> build() {
    Map<String, FormSpec> m = new LinkedHashMap<>();
    add(m, new FormSpec("serviceActivation", List.of(
        of("sec.server", text("name").mandatory(), text("address"), check("publisher")),
        of("sec.cmServices", check("services.callManager"), check("services.tftp"),
            check("services.extensionMobility"), check("services.ils"), check("services.capf")),
        of("sec.databaseServices", check("services.bulkProvisioning")),
        of("sec.autoRegistration", check("autoRegistration"))),
        new CollectionBinding<>(Node.class, "nodes", "name", Cluster::nodes, Cluster::withNodes,
            Node::name, () -> new Node("", "", false, false, null, null),
            List.of(new Column<>("f.serviceActivation.address", Node::address)))));

    add(m, new FormSpec("phoneService", List.of(
        of("sec.serviceInfo", text("name").mandatory().maxLength(32), text("description"),
            text("serviceUrl").mandatory(), text("secureServiceUrl"),
            choice("serviceCategory", ServiceCategory.class).defaults("xmlService"),
            choice("serviceType", ServiceType.class).defaults("standardIpPhoneService"),
            check("enabled").defaults("true"), check("enterpriseSubscription"))),
        new CollectionBinding<>(PhoneService.class, "phoneServices", "name", Cluster::phoneServices,
            Cluster::withPhoneServices, PhoneService::name,
            () -> new PhoneService("", "", "", null, null, null, null, false),
            List.of(new Column<>("f.phoneService.serviceUrl", PhoneService::serviceUrl)))));

    add(m, new FormSpec("deviceProfile", List.of(
        of("sec.deviceProfileInfo",
            freeRef("productType", FormSpecs::modelNames), choice("protocol", Protocol.class),
            text("name").mandatory().maxLength(DeviceProfile.MAX_NAME_LENGTH), text("description"),
            freeRef("userHoldMohAudioSource", c -> List.of()), freeRef("userLocale", c -> List.of()),
            freeRef("phoneButtonTemplate", c -> List.of()), freeRef("softkeyTemplate", c -> List.of()),
            choice("privacy", OnOffDefault.class).defaults("default"),
            choice("singleButtonBarge", SingleButtonBarge.class).defaults("default"),
            choice("joinAcrossLines", OnOffDefault.class).defaults("default"),
            choice("alwaysUsePrimeLine", OnOffDefault.class).defaults("default"),
            choice("alwaysUsePrimeLineForVoiceMessage", OnOffDefault.class).defaults("default"),
            check("ignorePresentationIndicators")),
        of("sec.dnd", check("doNotDisturb"),
            choice("dndOption", DndOption.class).defaults("useCommonPhoneProfileSetting"),
            choice("dndIncomingCallAlert", DndIncomingCallAlert.class).defaults("none")),
        of("sec.emcc", freeRef("emccCss", c -> List.of()).defaults("none")),
        of("sec.modules", freeRef("module1", c -> List.of()), freeRef("module2", c -> List.of())),
        of("sec.mlpp", freeRef("mlppDomain", c -> List.of()),
            choice("mlppIndication", MlppIndication.class).defaults("default"),
            choice("mlppPreemption", MlppPreemption.class).defaults("default")),
        of("sec.logout", ref("loginUserId", c -> names(c.endUsers(), EndUser::userId))),
        of("sec.lines", lines("lines"))),
        new CollectionBinding<>(DeviceProfile.class, "deviceProfiles", "name", Cluster::deviceProfiles,
            Cluster::withDeviceProfiles, DeviceProfile::name,
            () -> DeviceProfile.of("", null, null, List.of()),
            List.of(new Column<>("f.deviceProfile.productType", DeviceProfile::productType),
                new Column<>("f.deviceProfile.lines", p -> p.lines().isEmpty() ? ""
                    : p.lines().get(0).directoryNumber())))));

    add(m, new FormSpec("endUser", List.of(
        of("sec.userInfo", text("userId").mandatory().maxLength(128), text("firstName"),
            text("lastName"), text("primaryExtension"), text("selfServiceUserId"),
            FieldSpec.of("pin", FieldKind.PIN), check("pinMustChange")),
        of("sec.extensionMobility", check("enableExtensionMobilityCrossCluster"),
            dual("controlledProfiles", c -> names(c.deviceProfiles(), DeviceProfile::name)))),
        new CollectionBinding<>(EndUser.class, "endUsers", "userId", Cluster::endUsers,
            Cluster::withEndUsers, EndUser::userId,
            () -> new EndUser("", null, null, null, null, null, false, false, null),
            List.of(new Column<>("f.endUser.lastName", u -> join(u.lastName(), u.firstName())),
                new Column<>("f.endUser.enableExtensionMobilityCrossCluster",
                    u -> u.enableExtensionMobilityCrossCluster() ? "✔" : "")))));

    add(m, new FormSpec("phone", List.of(
        of("sec.deviceInfo", text("name").mandatory().maxLength(15), text("description"),
            freeRef("model", FormSpecs::modelNames).mandatory(), choice("protocol", Protocol.class),
            ref("devicePool", c -> names(c.devicePools(), DevicePool::name)),
            ref("geolocation", c -> names(c.geolocations(), Geolocation::name)),
            choice("deviceSecurityMode", DeviceSecurityMode.class).defaults("nonSecure"), text("address")),
        of("sec.extensionInfo", check("enableExtensionMobility")),
        of("sec.services", dual("subscribedServices", c -> names(c.phoneServices(), PhoneService::name)))),
        new CollectionBinding<>(Phone.class, "phones", "name", Cluster::phones, Cluster::withPhones,
            Phone::name, () -> new Phone("", null, null, null, false, null, null, null, null, null),
            List.of(new Column<>("f.phone.model", Phone::model),
                new Column<>("f.phone.enableExtensionMobility", p -> p.enableExtensionMobility() ? "✔" : "")))));

    add(m, new FormSpec("commonDeviceConfig", List.of(
        of("sec.cdcInfo", text("name").mandatory().maxLength(50),
            freeRef("softkeyTemplate", c -> List.of()), freeRef("userHoldMohAudioSource", c -> List.of()),
            freeRef("networkHoldMohAudioSource", c -> List.of()), freeRef("userLocale", c -> List.of()),
            choice("ipAddressingMode", IpAddressingMode.class).defaults("ipv4AndIpv6"),
            choice("ipAddressingModePreferenceForSignaling", IpAddressingModePreference.class)
                .defaults("useSystemDefault"),
            check("allowAutoConfigurationForPhones"), check("useTrustedRelayPoint")),
        of("sec.mlpp", freeRef("mlppDomain", c -> List.of()),
            choice("mlppIndication", MlppIndication.class).defaults("default"),
            choice("mlppPreemption", MlppPreemption.class).defaults("default"))),
        new CollectionBinding<>(CommonDeviceConfig.class, "commonDeviceConfigs", "name",
            Cluster::commonDeviceConfigs, Cluster::withCommonDeviceConfigs, CommonDeviceConfig::name,
            () -> CommonDeviceConfig.named(""), List.of())));

    add(m, new FormSpec("emccTemplate", List.of(
        of("sec.templateInfo", text("name").mandatory().maxLength(50), text("description"),
            ref("devicePool", c -> names(c.devicePools(), DevicePool::name)),
            ref("commonDeviceConfig", c -> names(c.commonDeviceConfigs(), CommonDeviceConfig::name)),
            freeRef("commonPhoneProfile", c -> List.of()),
            choice("deviceSecurityMode", DeviceSecurityMode.class).defaults("nonSecure"))),
        new CollectionBinding<>(EmccTemplate.class, "emccTemplates", "name", Cluster::emccTemplates,
            Cluster::withEmccTemplates, EmccTemplate::name,
            () -> new EmccTemplate("", null, null, null, null, null),
            List.of(new Column<>("f.emccTemplate.commonDeviceConfig", EmccTemplate::commonDeviceConfig)))));

    add(m, new FormSpec("geolocation", List.of(
        of("sec.geolocationInfo", text("name").mandatory().maxLength(50), text("description")),
        of("sec.geolocationParts", text("country").maxLength(2), text("state"), text("county"), text("city"),
            text("district"), text("neighborhood"), text("street"), text("houseNumber"),
            text("postalCode"), text("location"), text("floor"), text("room"), text("occupantName"))),
        new CollectionBinding<>(Geolocation.class, "geolocations", "name", Cluster::geolocations,
            Cluster::withGeolocations, Geolocation::name, () -> Geolocation.of("", null, null, null),
            List.of(new Column<>("f.geolocation.city", Geolocation::city)))));

    add(m, new FormSpec("geolocationFilter", List.of(
        of("sec.geolocationFilterInfo", text("name").mandatory().maxLength(50), text("description"),
            dualOf("fields", GeolocationField.class))),
        new CollectionBinding<>(GeolocationFilter.class, "geolocationFilters", "name",
            Cluster::geolocationFilters, Cluster::withGeolocationFilters, GeolocationFilter::name,
            () -> new GeolocationFilter("", null, null), List.of())));

    add(m, new FormSpec("devicePool", List.of(
        of("sec.devicePoolInfo", text("name").mandatory().maxLength(50), text("description"),
            ref("geolocation", c -> names(c.geolocations(), Geolocation::name)),
            dual("callManagerGroup", FormSpecs::nodeNames))),
        new CollectionBinding<>(DevicePool.class, "devicePools", "name", Cluster::devicePools,
            Cluster::withDevicePools, DevicePool::name, () -> new DevicePool("", null, null, null),
            List.of(new Column<>("f.devicePool.geolocation", DevicePool::geolocation)))));

    add(m, new FormSpec("emccFeatureConfig", List.of(
        of("sec.emccParameters",
            freeRef("defaultTftpServer", FormSpecs::nodeNames).defaults("none"),
            freeRef("backupTftpServer", FormSpecs::nodeNames).defaults("none"),
            integer("expiredDeviceMaintenanceIntervalMinutes",
                EmccFeatureConfig.MIN_EXPIRED_DEVICE_MAINTENANCE_MINUTES,
                EmccFeatureConfig.MAX_EXPIRED_DEVICE_MAINTENANCE_MINUTES).defaults("1440"),
            check("enableAllRemoteClusterServicesOnAdd").defaults("false"),
            choice("pstnAccessTrunkCss", PstnAccessTrunkCss.class).defaults("useTrunkCss"),
            ref("geolocationFilter", c -> names(c.geolocationFilters(), GeolocationFilter::name)).defaults("none"),
            integer("regionMaxAudioBitRateKbps", 1, 256).defaults("8"),
            integer("regionMaxVideoCallBitRateKbps", EmccFeatureConfig.MIN_REGION_MAX_VIDEO_KBPS,
                EmccFeatureConfig.MAX_REGION_MAX_VIDEO_KBPS).defaults("384"),
            choice("regionLinkLossType", LinkLossType.class).defaults("lowLoss"),
            integer("rsvpSipTrunkKeepAliveSeconds", EmccFeatureConfig.MIN_RSVP_KEEPALIVE_SECONDS,
                EmccFeatureConfig.MAX_RSVP_KEEPALIVE_SECONDS).defaults("15"),
            freeRef("remoteClusterUpdateDefaultServer", FormSpecs::nodeNames).defaults("none"),
            freeRef("remoteClusterUpdateBackupServer", FormSpecs::nodeNames).defaults("none"),
            integer("remoteClusterUpdateIntervalMinutes", EmccFeatureConfig.MIN_REMOTE_CLUSTER_UPDATE_MINUTES,
                EmccFeatureConfig.MAX_REMOTE_CLUSTER_UPDATE_MINUTES).defaults("30"))),
        new SingletonBinding<>(EmccFeatureConfig.class, "emccFeatureConfig",
            Cluster::emccFeatureConfig, Cluster::withEmccFeatureConfig)));

    add(m, new FormSpec("sipTrunk", List.of(
        of("sec.trunkInfo", text("name").mandatory().maxLength(50), text("description"),
            choice("serviceType", TrunkServiceType.class).defaults("none"),
            ref("devicePool", c -> names(c.devicePools(), DevicePool::name))),
        of("sec.sipInfo", list("destinations").mandatory())),
        new CollectionBinding<>(SipTrunk.class, "sipTrunks", "name", Cluster::sipTrunks,
            Cluster::withSipTrunks, SipTrunk::name, () -> new SipTrunk("", null, null, null, null),
            List.of(new Column<>("f.sipTrunk.serviceType", t -> t.serviceType().json())))));

    add(m, new FormSpec("interclusterServiceProfile", List.of(
        of("sec.emccService", check("emccActive")),
        of("sec.pstnAccess", check("pstnAccessActive"),
            ref("pstnAccessSipTrunk", c -> names(c.sipTrunks(), SipTrunk::name))),
        of("sec.rsvpAgent", check("rsvpAgentActive"),
            ref("rsvpAgentSipTrunk", c -> names(c.sipTrunks(), SipTrunk::name)))),
        new SingletonBinding<>(InterclusterServiceProfile.class, "interclusterServiceProfile",
            Cluster::interclusterServiceProfile, Cluster::withInterclusterServiceProfile)));

    add(m, new FormSpec("remoteCluster", List.of(
        of("sec.remoteClusterInfo", text("clusterId").mandatory().maxLength(50),
            text("fullyQualifiedName").mandatory(), text("description")),
        of("sec.remoteServices", check("services.emcc"), check("services.pstnAccess"),
            check("services.rsvpAgent"), check("services.tftp"), check("services.lbm"),
            check("services.uds"))),
        new CollectionBinding<>(RemoteCluster.class, "remoteClusters", "clusterId", Cluster::remoteClusters,
            Cluster::withRemoteClusters, RemoteCluster::clusterId,
            () -> new RemoteCluster("", "", "", null, null),
            List.of(new Column<>("f.remoteCluster.fullyQualifiedName", RemoteCluster::fullyQualifiedName)))));
    add(m, new FormSpec("cluster", List.of(
        of("sec.clusterInfo", FieldSpec.readOnly("clusterId"), text("version").mandatory(),
            choice("securityMode", SecurityMode.class).defaults("nonSecure"),
            integer("maxPhones", 1, Cluster.DEFAULT_MAX_PHONES).defaults("60000"))),
        new SingletonBinding<>(ClusterSettings.class, "", ClusterSettings::of, (c, s) -> s.applyTo(c))));

    add(m, new FormSpec("emServiceParameters", List.of(
        of("sec.emServiceParameters", check("validateIpAddress"), list("trustedIps"), check("allowProxy"),
            integer("maximumConcurrentRequests", 1, 10_000).defaults("5"))),
        new SingletonBinding<>(EmServiceParameters.class, "emServiceParameters",
            Cluster::emServiceParameters, Cluster::withEmServiceParameters)));

    add(m, new FormSpec("deviceModel", List.of(
        of("sec.deviceModelInfo", text("name").mandatory(), check("supportsEmcc"),
            dualOf("protocols", Protocol.class), dualOf("dndOptions", DndOption.class))),
        new CollectionBinding<>(DeviceModel.class, "deviceModels", "name", Cluster::deviceModels,
            Cluster::withDeviceModels, DeviceModel::name, () -> new DeviceModel("", null, false, null),
            List.of(new Column<>("f.deviceModel.supportsEmcc", d -> d.supportsEmcc() ? "✔" : "")))));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String join(String a, String b) {
    return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
  }

  private static void add(Map<String, FormSpec> m, FormSpec spec) {
    m.put(spec.window(), spec);
  }
}
