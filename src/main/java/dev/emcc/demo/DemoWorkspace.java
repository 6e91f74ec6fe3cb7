package dev.emcc.demo;

import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Line;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.OnOffDefault;
import dev.emcc.model.Phone;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.PinHash;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Protocol;
import dev.emcc.model.PstnAccessTrunkCss;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteClusterStatus;
import dev.emcc.model.RemoteServices;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrunkServiceType;
import dev.emcc.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo deployment: two Unified CM 14.0 clusters, Tokyo and Osaka, with EMCC fully and
 * correctly configured between them (every step of the seed's task flow). It is what the
 * console opens for a first look, what trainers teach from and what tests start from.
 *
 * <p>Who is where: Tokyo users (alice, bob, tsato, hsuzuki, ktanaka, ywatanabe) have DNs 1001-1006
 * and phones SEP00AABBCC0101-0106; Osaka users (carol, dave, mito, ayamamoto, knakamura,
 * rkobayashi) have DNs 2001-2006 and phones SEP00AABBCC0201-0206. Their PINs: {@link #pin}.
 *
 * <p>Certificates carry stable placeholder fingerprints (SHA-256 of "demo:NODE:TYPE") until real
 * certificates are generated for them; each cluster's trust stores hold the other cluster's
 * certificates as the import of the consolidated bundle would put them (reference section 7).
 */
public final class DemoWorkspace {
  public static final String TOKYO = "TOKYO";
  public static final String OSAKA = "OSAKA";
  public static final String VERSION = "14.0";
  public static final String EM_SERVICE = "Extension Mobility";
  public static final String EMCC_TRUNK = "EMCC_TRUNK";
  public static final String CDC = "CDC_EMCC";
  public static final String TEMPLATE = "EMCC_TPL";
  public static final String GEOLOCATION_FILTER = "GF_CITY";
  public static final int EMCC_DEVICES_PER_CLUSTER = 10;

  private static final Instant LAST_REMOTE_UPDATE = Instant.parse("2026-01-05T09:00:00Z");

  /** The users of both clusters in a fixed order: user id to PIN. */
  private static final Map<String, String> PINS = new LinkedHashMap<>();

  /** One site: the values that differ between Tokyo and Osaka. */
  private record Site(String clusterId, String city, String subnet, char dnDigit,
      String phonePrefix, List<NodeSpec> nodes, List<Person> people) {
    String geolocation() {
      return "GEO_" + clusterId;
    }

    String devicePool() {
      return "DP_" + clusterId;
    }

    String roamingPool() {
      return "DP_" + clusterId + "_ROAM";
    }

    NodeSpec publisher() {
      return nodes.get(0);
    }
  }

  private record NodeSpec(String name, String address, boolean publisher, boolean tftp) {}

  private record Person(String userId, String firstName, String lastName, String pin, String model) {}

  private static final Site TOKYO_SITE = new Site(TOKYO, "Tokyo", "10.1", '1',
      "SEP00AABBCC01",
      List.of(new NodeSpec("cucm-pub.tokyo.example.com", "10.1.0.10", true, true),
          new NodeSpec("cucm-sub1.tokyo.example.com", "10.1.0.11", false, true),
          new NodeSpec("cucm-sub2.tokyo.example.com", "10.1.0.12", false, false)),
      List.of(new Person("alice", "Alice", "Sato", "24680", "Cisco 8865"),
          new Person("bob", "Bob", "Suzuki", "13579", "Cisco 8845"),
          new Person("tsato", "Takashi", "Sato", "40721", "Cisco 7841"),
          new Person("hsuzuki", "Hanako", "Suzuki", "58302", "Cisco 8851"),
          new Person("ktanaka", "Kenji", "Tanaka", "61947", "Cisco 8861"),
          new Person("ywatanabe", "Yui", "Watanabe", "72850", "Cisco 7821")));

  private static final Site OSAKA_SITE = new Site(OSAKA, "Osaka", "10.2", '2',
      "SEP00AABBCC02",
      List.of(new NodeSpec("cucm-pub.osaka.example.com", "10.2.0.10", true, true),
          new NodeSpec("cucm-sub1.osaka.example.com", "10.2.0.11", false, true)),
      List.of(new Person("carol", "Carol", "Ito", "86420", "Cisco 8865"),
          new Person("dave", "Dave", "Yamamoto", "97531", "Cisco 8845"),
          new Person("mito", "Makoto", "Ito", "31864", "Cisco 7841"),
          new Person("ayamamoto", "Aiko", "Yamamoto", "52093", "Cisco 8851"),
          new Person("knakamura", "Kazuki", "Nakamura", "64178", "Cisco 8861"),
          new Person("rkobayashi", "Rina", "Kobayashi", "75306", "Cisco 7821")));

  static {
    for (Site s : List.of(TOKYO_SITE, OSAKA_SITE)) {
      s.people().forEach(p -> PINS.put(p.userId(), p.pin()));
    }
  }

  private DemoWorkspace() {}

  /**
   * The demo workspace. Built once per JVM and shared (it is immutable): hashing the twelve PINs
   * with the full PBKDF2 work factor takes about a second.
   */
  public static Workspace create() {
    return Holder.WORKSPACE;
  }

  /** The clear PIN of a demo user (for simulated logins and tests), or null for an unknown user. */
  public static String pin(String userId) {
    return PINS.get(userId);
  }

  /** The demo users' ids, Tokyo's first. */
  public static List<String> userIds() {
    return List.copyOf(PINS.keySet());
  }

  private static final class Holder {
    static final Workspace WORKSPACE = build();
  }

  /** A fresh build (create() shares one): the same bytes every time. */
  static Workspace build() {
    return Workspace.of(List.of(cluster(TOKYO_SITE, OSAKA_SITE), cluster(OSAKA_SITE, TOKYO_SITE)));
  }

  private static Cluster cluster(Site site, Site remote) {
    String em = "http://" + site.publisher().address() + ":8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#";
    String emSecure = "https://" + site.publisher().address() + ":8443/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#";
    // Publisher and first subscriber run TFTP and Extension Mobility: default and backup for both.
    NodeSpec first = site.nodes().get(0);
    NodeSpec second = site.nodes().get(1);
    List<Node> remoteNodes = remote.nodes().stream().map(DemoWorkspace::node).toList();
    return Cluster.empty(site.clusterId(), VERSION)
        .withSecurityMode(SecurityMode.NON_SECURE)
        .withMaxPhones(Cluster.DEFAULT_MAX_PHONES)
        .withNodes(site.nodes().stream().map(DemoWorkspace::node).toList())
        .withTrustStores(PlaceholderCertificates.trustFor(remoteNodes))
        .withEmServiceParameters(new EmServiceParameters(false, List.of(), false, 5))
        .withPhoneServices(List.of(new PhoneService(EM_SERVICE, "Extension Mobility login and logout",
            em, emSecure, null, null, true, false)))
        .withDeviceProfiles(site.people().stream().map(p -> profile(site, p)).toList())
        .withEndUsers(site.people().stream().map(p -> user(site, p)).toList())
        .withApplicationUsers(List.of(emApiUser()))
        .withPhones(phones(site))
        .withCommonDeviceConfigs(List.of(new CommonDeviceConfig(CDC, "Standard User", null, null,
            "Japanese Japan", null, null, false, false, null, null, null)))
        .withEmccTemplates(List.of(new EmccTemplate(TEMPLATE, "EMCC login devices", site.devicePool(), CDC,
            "Standard Common Phone Profile", DeviceSecurityMode.NON_SECURE)))
        .withEmccDevices(new EmccDevices(TEMPLATE, List.of()).insert(EMCC_DEVICES_PER_CLUSTER))
        .withGeolocations(List.of(geolocation(site), geolocation(remote)))
        .withGeolocationFilters(List.of(new GeolocationFilter(GEOLOCATION_FILTER, "Country, prefecture and city",
            List.of(GeolocationField.COUNTRY, GeolocationField.STATE, GeolocationField.CITY))))
        .withDevicePools(List.of(
            new DevicePool(site.devicePool(), site.city() + " phones", site.geolocation(), nodeNames(site)),
            new DevicePool(remote.roamingPool(), "Roaming pool for EMCC logins from " + remote.city(),
                remote.geolocation(), nodeNames(site))))
        .withEmccFeatureConfig(new EmccFeatureConfig(first.name(), second.name(), 1440, false,
            PstnAccessTrunkCss.USE_TRUNK_CSS, GEOLOCATION_FILTER, 8, 384, LinkLossType.LOW_LOSS, 15,
            first.name(), second.name(), 30))
        .withSipTrunks(List.of(new SipTrunk(EMCC_TRUNK, "EMCC trunk to " + remote.city(),
            TrunkServiceType.EXTENSION_MOBILITY_CROSS_CLUSTERS, site.devicePool(),
            remote.nodes().stream().map(NodeSpec::address).toList())))
        .withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, EMCC_TRUNK, true, EMCC_TRUNK))
        .withRemoteClusters(List.of(new RemoteCluster(remote.clusterId(), remote.publisher().name(),
            remote.city() + " cluster", RemoteServices.EMCC_ALL,
            new RemoteClusterStatus(LAST_REMOTE_UPDATE, true, VERSION, RemoteServices.EMCC_ALL))));
  }

  private static List<String> nodeNames(Site site) {
    return site.nodes().stream().map(NodeSpec::name).toList();
  }

  /** Publisher: CallManager, TFTP, EM, ILS, Bulk Provisioning, CAPF. Subscribers: no ILS. */
  private static Node node(NodeSpec spec) {
    NodeServices services = new NodeServices(true, spec.tftp(), true, spec.publisher(), spec.publisher(),
        spec.publisher());
    return new Node(spec.name(), spec.address(), spec.publisher(), false, services,
        PlaceholderCertificates.forNode(spec.name(), spec.publisher(), spec.tftp()));
  }

  private static String profileName(Person p) {
    return "UDP_" + p.userId() + "_" + p.model().substring("Cisco ".length());
  }

  private static String dn(Site site, int index) {
    return site.dnDigit() + String.format("%03d", index + 1);
  }

  private static DeviceProfile profile(Site site, Person p) {
    int i = site.people().indexOf(p);
    String number = p.model().substring("Cisco ".length());
    return new DeviceProfile(profileName(p), p.model(), Protocol.SIP, p.firstName() + " " + p.lastName(),
        null, "Japanese Japan", "Standard " + number + " SIP", "Standard User", OnOffDefault.DEFAULT, null,
        OnOffDefault.DEFAULT, OnOffDefault.DEFAULT, OnOffDefault.DEFAULT, false, false, null, null,
        "CSS_" + site.clusterId() + "_EMCC", null, null, null, null, null, null,
        List.of(new Line(1, dn(site, i), "PT_" + site.clusterId())));
  }

  private static EndUser user(Site site, Person p) {
    String number = dn(site, site.people().indexOf(p));
    return new EndUser(p.userId(), p.firstName(), p.lastName(), number, number, pinHash(p), false, true,
        List.of(profileName(p)));
  }

  /** The application user of EM API and AXL clients on each cluster (README). */
  public static final String EM_API_USER = "emapi";
  /** Its password, published like the PINs. */
  public static final String EM_API_PASSWORD = "emapi-demo";

  /** emapi / emapi-demo with both roles; the hash salted from the user id (the same bytes on every run). */
  private static ApplicationUser emApiUser() {
    return new ApplicationUser(EM_API_USER, "Extension Mobility API and AXL clients (demo)",
        PinHash.hash(EM_API_PASSWORD, PinHash.DEFAULT_ITERATIONS, salt("demo-salt:app:" + EM_API_USER)),
        List.of(ApplicationUser.EM_PROXY_RIGHTS, ApplicationUser.AXL_API_ACCESS));
  }

  private static byte[] salt(String seed) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * The full-strength hash of the user's PIN, salted from the user id so the demo document comes
   * out byte for byte the same on every run (its PINs are published anyway).
   */
  private static String pinHash(Person p) {
    try {
      byte[] salt = Arrays.copyOf(MessageDigest.getInstance("SHA-256")
          .digest(("demo-salt:" + p.userId()).getBytes(StandardCharsets.UTF_8)), 16);
      return PinHash.hash(p.pin(), PinHash.DEFAULT_ITERATIONS, salt);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static List<Phone> phones(Site site) {
    List<Phone> phones = new ArrayList<>();
    for (int i = 0; i < site.people().size(); i++) {
      String model = site.people().get(i).model();
      phones.add(new Phone(site.phonePrefix() + String.format("%02d", i + 1), site.city() + " office phone " + (i + 1),
          model, Protocol.SIP, true, List.of(EM_SERVICE), DeviceSecurityMode.NON_SECURE, site.devicePool(),
          site.geolocation(), site.subnet() + ".5." + (21 + i)));
    }
    return phones;
  }

  private static Geolocation geolocation(Site site) {
    return Geolocation.of(site.geolocation(), "JP", site.city(), site.city());
  }
}
