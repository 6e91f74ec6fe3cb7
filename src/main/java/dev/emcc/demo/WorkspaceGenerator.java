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
import dev.emcc.model.PhoneService;
import dev.emcc.model.PinHash;
import dev.emcc.model.Protocol;
import dev.emcc.model.PstnAccessTrunkCss;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteServices;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrunkServiceType;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Large, realistic and valid workspaces for load tests, benchmarks and trainers: K clusters
 * meshed for EMCC (remote clusters, trust, trunks both ways), with phones, device profiles,
 * users and EMCC devices spread evenly across them. Counts are totals for the whole workspace.
 *
 * <p>What makes it valid: phone names are unique across clusters (error 37), user ids too (a
 * login must find one home cluster); every user controls at least one profile; every phone has
 * Extension Mobility on and is subscribed to the EM service; each cluster counts
 * {@code phones + 2 x EMCC devices <= 60,000}. The same seed gives the same document.
 */
public final class WorkspaceGenerator {
  public static final int MIN_CLUSTERS = 2;
  public static final int MAX_CLUSTERS = 100;
  /** PBKDF2 work factor of generated PINs: low, see {@link #pinHashes}. */
  public static final int GENERATED_PIN_ITERATIONS = 1000;
  /** Directory numbers are N followed by six digits, N the cluster's number. */
  public static final int MAX_PROFILES_PER_CLUSTER = 999_999;

  static final String EM_SERVICE = DemoWorkspace.EM_SERVICE;
  private static final String TRUNK = DemoWorkspace.EMCC_TRUNK;
  private static final String CDC = DemoWorkspace.CDC;
  private static final String TEMPLATE = DemoWorkspace.TEMPLATE;
  private static final String FILTER = DemoWorkspace.GEOLOCATION_FILTER;

  /** A small set of PINs shared by all generated users; {@link #pin} tells a user's. */
  private static final List<String> PINS = List.of("24680", "13579", "40721", "58302", "61947", "72850",
      "86420", "97531", "31864", "52093", "64178", "75306", "11235", "81321", "34558", "91442");

  /** City, prefecture: the sites the clusters are named after. */
  private static final String[][] CITIES = {
      {"Tokyo", "Tokyo"}, {"Osaka", "Osaka"}, {"Nagoya", "Aichi"}, {"Fukuoka", "Fukuoka"},
      {"Sapporo", "Hokkaido"}, {"Sendai", "Miyagi"}, {"Hiroshima", "Hiroshima"}, {"Kyoto", "Kyoto"},
      {"Kobe", "Hyogo"}, {"Yokohama", "Kanagawa"}, {"Niigata", "Niigata"}, {"Kumamoto", "Kumamoto"},
      {"Okayama", "Okayama"}, {"Shizuoka", "Shizuoka"}, {"Kagoshima", "Kagoshima"}, {"Naha", "Okinawa"}};

  private static final String[] SURNAMES = {"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito",
      "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto",
      "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto", "Ishikawa",
      "Nakajima", "Maeda", "Fujita", "Ogawa", "Okada"};
  private static final String[] GIVEN_NAMES = {"Haruto", "Yui", "Sota", "Hina", "Yuto", "Aoi", "Riku",
      "Sakura", "Takashi", "Hanako", "Kenji", "Yuki", "Daiki", "Mei", "Ren", "Akari", "Kazuki", "Rina",
      "Makoto", "Aiko", "Shota", "Misaki", "Naoki", "Emi"};
  /** EMCC-capable SIP models of the built-in device-model catalog. */
  private static final String[] MODELS = {"Cisco 8865", "Cisco 8845", "Cisco 8851", "Cisco 8861",
      "Cisco 8811", "Cisco 7841", "Cisco 7821", "Cisco 7861"};
  /** Cisco OUIs, so generated device names look like real ones. */
  private static final String[] OUIS = {"00562B", "0C1167", "2C3124", "5006AB", "70DF2F", "A4934C",
      "B8BEBF", "DCEB94", "F87B20", "00EBD5"};

  private WorkspaceGenerator() {}

  /**
   * Generates a workspace.
   *
   * @param phones total phones, spread across the clusters
   * @param profiles total device profiles; at least {@code users}, since every user controls one
   * @param users total end users, EMCC enabled
   * @param emccDevices total EMCC devices, spread across the clusters
   * @param clusters number of clusters, {@value #MIN_CLUSTERS} to {@value #MAX_CLUSTERS}
   * @param seed the same seed gives the same workspace
   * @throws IllegalArgumentException when the counts cannot make a valid workspace (the message
   *     says why)
   */
  public static Workspace generate(int phones, int profiles, int users, int emccDevices, int clusters, long seed) {
    check(phones, profiles, users, emccDevices, clusters);
    Random random = new Random(seed);
    List<String> hashes = pinHashes(random);
    List<Site> sites = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      sites.add(site(c));
    }
    Set<String> deviceNames = new HashSet<>();
    int firstUser = 0;
    List<Cluster> out = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      int p = share(phones, clusters, c);
      int dp = share(profiles, clusters, c);
      int u = share(users, clusters, c);
      int e = share(emccDevices, clusters, c);
      out.add(cluster(sites, c, p, dp, u, e, firstUser, users, hashes, deviceNames, random));
      firstUser += u;
    }
    return Workspace.of(out);
  }

  /** The clear PIN of a generated user (for simulated logins and tests). */
  public static String pin(String userId) {
    return PINS.get(Math.floorMod(userId.hashCode(), PINS.size()));
  }

  private static void check(int phones, int profiles, int users, int emccDevices, int clusters) {
    if (phones < 0 || profiles < 0 || users < 0 || emccDevices < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (clusters < MIN_CLUSTERS || clusters > MAX_CLUSTERS) {
      throw new IllegalArgumentException("clusters must be " + MIN_CLUSTERS + " to " + MAX_CLUSTERS
          + " (EMCC links at least two clusters), got " + clusters);
    }
    if (profiles < users) {
      throw new IllegalArgumentException("every user controls a device profile: profiles (" + profiles
          + ") must be at least users (" + users + ")");
    }
    if (share(profiles, clusters, 0) > MAX_PROFILES_PER_CLUSTER) {
      throw new IllegalArgumentException("too many device profiles: at most " + MAX_PROFILES_PER_CLUSTER
          + " per cluster (their directory numbers are the cluster's number and six digits)");
    }
    // The first cluster gets the largest share of both; it is the one that must fit.
    long counted = share(phones, clusters, 0) + 2L * share(emccDevices, clusters, 0);
    if (counted > Cluster.DEFAULT_MAX_PHONES) {
      throw new IllegalArgumentException("too many devices: a cluster would count " + counted
          + " (phones + 2 x EMCC devices), CUCM allows at most " + Cluster.DEFAULT_MAX_PHONES
          + "; add clusters or remove devices");
    }
  }

  /** Cluster {@code c}'s part of {@code total}: an even split, the remainder to the first ones. */
  static int share(int total, int clusters, int c) {
    return total / clusters + (c < total % clusters ? 1 : 0);
  }

  /**
   * One PBKDF2 hash per distinct PIN, shared by every user who has that PIN, at a low work factor
   * ({@value #GENERATED_PIN_ITERATIONS} iterations, carried in the hash, so verification still
   * works). Hashing 20,000 PINs one by one at the production 120,000 iterations would take
   * minutes; these are test data whose PINs are published in {@link #PINS}.
   */
  private static List<String> pinHashes(Random random) {
    List<String> hashes = new ArrayList<>();
    for (String pin : PINS) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      hashes.add(PinHash.hash(pin, GENERATED_PIN_ITERATIONS, salt));
    }
    return hashes;
  }

  /** A cluster's site: its id, city, prefecture, nodes and address block 10.N.0.0/16. */
  private record Site(String clusterId, String city, String state, int octet, List<Node> nodes) {
    String geolocation() {
      return "GEO_" + clusterId;
    }

    String devicePool() {
      return "DP_" + clusterId;
    }

    String roamingPool() {
      return "DP_" + clusterId + "_ROAM";
    }

    Node publisher() {
      return nodes.get(0);
    }
  }

  private static Site site(int c) {
    String[] city = CITIES[c % CITIES.length];
    int round = c / CITIES.length;
    String suffix = round == 0 ? "" : Integer.toString(round + 1);
    String id = city[0].toUpperCase(Locale.ROOT) + suffix;
    String domain = city[0].toLowerCase(Locale.ROOT) + suffix + ".example.com";
    int octet = c + 1;
    String pub = "cucm-pub." + domain;
    String sub = "cucm-sub1." + domain;
    List<Node> nodes = List.of(
        new Node(pub, "10." + octet + ".0.10", true, false, new NodeServices(true, true, true, true, true, true),
            PlaceholderCertificates.forNode(pub, true, true)),
        new Node(sub, "10." + octet + ".0.11", false, false, new NodeServices(true, true, true, false, false, false),
            PlaceholderCertificates.forNode(sub, false, true)));
    return new Site(id, city[0] + suffix, city[1], octet, nodes);
  }

  private static Cluster cluster(List<Site> sites, int c, int phoneCount, int profileCount, int userCount,
      int emccCount, int firstUser, int totalUsers, List<String> pinHashes, Set<String> deviceNames, Random random) {
    Site site = sites.get(c);
    List<Site> remotes = new ArrayList<>(sites);
    remotes.remove(c);
    String pubAddress = site.publisher().address();

    List<Node> remoteNodes = new ArrayList<>();
    remotes.forEach(r -> remoteNodes.addAll(r.nodes()));
    TrustStores trust = PlaceholderCertificates.trustFor(remoteNodes);

    // Profiles: one line each, owned round-robin by the cluster's users.
    String[] ownerIds = new String[userCount];
    String[] firstNames = new String[userCount];
    String[] lastNames = new String[userCount];
    int width = Integer.toString(Math.max(totalUsers, 1)).length();
    for (int u = 0; u < userCount; u++) {
      String first = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
      String last = SURNAMES[random.nextInt(SURNAMES.length)];
      firstNames[u] = first;
      lastNames[u] = last;
      ownerIds[u] = (first.charAt(0) + last).toLowerCase(Locale.ROOT) + pad(firstUser + u + 1, width);
    }
    List<DeviceProfile> profiles = new ArrayList<>(profileCount);
    List<List<String>> controlled = new ArrayList<>(userCount);
    String[] primaryDn = new String[userCount];
    for (int u = 0; u < userCount; u++) {
      controlled.add(new ArrayList<>(1 + (profileCount - u) / Math.max(userCount, 1)));
    }
    String css = "CSS_" + site.clusterId() + "_EMCC";
    String partition = "PT_" + site.clusterId();
    for (int j = 0; j < profileCount; j++) {
      String model = MODELS[random.nextInt(MODELS.length)];
      String number = model.substring("Cisco ".length());
      String dn = Integer.toString(site.octet() * 1_000_000 + j + 1);
      String name;
      String description;
      if (userCount > 0) {
        int owner = j % userCount;
        int nth = j / userCount;
        name = "UDP_" + ownerIds[owner] + "_" + number + (nth == 0 ? "" : "_" + (nth + 1));
        description = firstNames[owner] + " " + lastNames[owner];
        controlled.get(owner).add(name);
        if (nth == 0) {
          primaryDn[owner] = dn;
        }
      } else {
        name = "UDP_SPARE_" + site.clusterId() + "_" + (j + 1);
        description = "Spare profile";
      }
      profiles.add(new DeviceProfile(name, model, Protocol.SIP, description, null, "Japanese Japan",
          "Standard " + number + " SIP", "Standard User", OnOffDefault.DEFAULT, null, OnOffDefault.DEFAULT,
          OnOffDefault.DEFAULT, OnOffDefault.DEFAULT, false, false, null, null, css, null, null, null, null,
          null, null, List.of(new Line(1, dn, partition))));
    }
    List<EndUser> users = new ArrayList<>(userCount);
    for (int u = 0; u < userCount; u++) {
      String hash = pinHashes.get(PINS.indexOf(pin(ownerIds[u])));
      users.add(new EndUser(ownerIds[u], firstNames[u], lastNames[u], primaryDn[u], primaryDn[u], hash,
          false, true, controlled.get(u)));
    }

    List<Phone> phones = new ArrayList<>(phoneCount);
    List<String> subscribed = List.of(EM_SERVICE);
    for (int i = 0; i < phoneCount; i++) {
      String name;
      do {
        name = "SEP" + OUIS[random.nextInt(OUIS.length)] + String.format("%06X", random.nextInt(1 << 24));
      } while (!deviceNames.add(name));
      String model = MODELS[random.nextInt(MODELS.length)];
      String address = "10." + site.octet() + "." + (8 + i / 250) + "." + (1 + i % 250);
      phones.add(new Phone(name, site.city() + " phone " + (i + 1), model, Protocol.SIP, true, subscribed,
          DeviceSecurityMode.NON_SECURE, site.devicePool(), site.geolocation(), address));
    }

    List<Geolocation> geolocations = new ArrayList<>();
    List<DevicePool> pools = new ArrayList<>();
    List<String> cmGroup = site.nodes().stream().map(Node::name).toList();
    geolocations.add(geolocation(site));
    pools.add(new DevicePool(site.devicePool(), site.city() + " phones", site.geolocation(), cmGroup));
    List<RemoteCluster> remoteClusters = new ArrayList<>();
    List<String> trunkDestinations = new ArrayList<>();
    for (Site r : remotes) {
      geolocations.add(geolocation(r));
      pools.add(new DevicePool(r.roamingPool(), "Roaming pool for EMCC logins from " + r.city(), r.geolocation(),
          cmGroup));
      remoteClusters.add(new RemoteCluster(r.clusterId(), r.publisher().name(), r.city() + " cluster",
          RemoteServices.EMCC_ALL, null));
      r.nodes().forEach(n -> trunkDestinations.add(n.address()));
    }

    Node pub = site.nodes().get(0);
    Node sub = site.nodes().get(1);
    return Cluster.empty(site.clusterId(), DemoWorkspace.VERSION)
        .withSecurityMode(SecurityMode.NON_SECURE)
        .withMaxPhones(Cluster.DEFAULT_MAX_PHONES)
        .withNodes(site.nodes())
        .withTrustStores(trust)
        .withEmServiceParameters(new EmServiceParameters(false, List.of(), false, 5))
        .withPhoneServices(List.of(new PhoneService(EM_SERVICE, "Extension Mobility login and logout",
            "http://" + pubAddress + ":8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#",
            "https://" + pubAddress + ":8443/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#",
            null, null, true, false)))
        .withDeviceProfiles(profiles)
        .withEndUsers(users)
        .withPhones(phones)
        .withCommonDeviceConfigs(List.of(new CommonDeviceConfig(CDC, "Standard User", null, null, "Japanese Japan",
            null, null, false, false, null, null, null)))
        .withEmccTemplates(List.of(new EmccTemplate(TEMPLATE, "EMCC login devices", site.devicePool(), CDC,
            "Standard Common Phone Profile", DeviceSecurityMode.NON_SECURE)))
        .withEmccDevices(new EmccDevices(TEMPLATE, List.of()).insert(emccCount))
        .withGeolocations(geolocations)
        .withGeolocationFilters(List.of(new GeolocationFilter(FILTER, "Country, prefecture and city",
            List.of(GeolocationField.COUNTRY, GeolocationField.STATE, GeolocationField.CITY))))
        .withDevicePools(pools)
        .withEmccFeatureConfig(new EmccFeatureConfig(pub.name(), sub.name(), 1440, false,
            PstnAccessTrunkCss.USE_TRUNK_CSS, FILTER, 8, 384, LinkLossType.LOW_LOSS, 15, pub.name(), sub.name(), 30))
        .withSipTrunks(List.of(new SipTrunk(TRUNK, "EMCC trunk to the remote clusters",
            TrunkServiceType.EXTENSION_MOBILITY_CROSS_CLUSTERS, site.devicePool(), trunkDestinations)))
        .withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, TRUNK, true, TRUNK))
        .withRemoteClusters(remoteClusters);
  }

  private static Geolocation geolocation(Site site) {
    return Geolocation.of(site.geolocation(), "JP", site.state(), site.city());
  }

  private static String pad(int n, int width) {
    String s = Integer.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
