package dev.emcc.sim;

import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Line;
import dev.emcc.model.Node;
import dev.emcc.model.NodeServices;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.PinHash;
import dev.emcc.model.Protocol;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteServices;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A login storm in process: N EMCC logins of generated users (home HOME) on generated phones
 * (visiting VISIT), each login through every check. Measures only the logins: a phone or user
 * still busy from an earlier login is logged out first, outside the timing.
 * PIN hashes use a low PBKDF2 iteration count ({@link #ITERATIONS}), computed once and shared,
 * so that the storm measures the flow and not the hash.
 */
public final class LoginStorm {
  public static final int ITERATIONS = 1000;
  public static final String PIN = "1234";

  private LoginStorm() {}

  /**
   * What a storm measured. Latencies in milliseconds (wall clock). {@code cpuSeconds} is the CPU
   * time the logins took on their thread: on a shared machine it tells the cost of the flow apart
   * from time spent waiting for a processor.
   */
  public record Report(int logins, int users, int phones, int failures, double seconds, double loginsPerSecond,
      double p50Ms, double p95Ms, double p99Ms, double cpuSeconds, double loginsPerCpuSecond,
      Map<Integer, Integer> failureCodes) {}

  public static Report run(int logins, int users, int phones) {
    if (logins < 1 || users < 1 || phones < 1) {
      throw new IllegalArgumentException("--storm, --users and --phones must be at least 1");
    }
    SimulatorSession session = new SimulatorSession(workspace(users, phones));
    String[] phoneOfUser = new String[users];
    long[] nanos = new long[logins];
    int failures = 0;
    Map<Integer, Integer> codes = new java.util.TreeMap<>();
    long total = 0;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    long cpuTotal = 0;
    for (int i = 0; i < logins; i++) {
      int u = i % users;
      String phone = phoneName(i % phones);
      if (session.sessionOnPhone(phone).isPresent()) {
        Session s = session.sessionOnPhone(phone).get();
        session.logout(phone, "VISIT");
        phoneOfUser[Integer.parseInt(s.userId().substring(1))] = null;
      }
      if (phoneOfUser[u] != null) {
        session.logout(phoneOfUser[u], "VISIT");
        phoneOfUser[u] = null;
      }
      LoginAttempt a = new LoginAttempt(phone, "VISIT", userId(u), PIN, null, null, false);
      long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      SimulationResult r = session.login(a);
      long dt = System.nanoTime() - t0;
      cpuTotal += cpu ? mx.getCurrentThreadCpuTime() - c0 : dt;
      nanos[i] = dt;
      total += dt;
      if (r.isSuccess()) {
        phoneOfUser[u] = phone;
      } else {
        failures++;
        codes.merge(r.code(), 1, Integer::sum);
      }
    }
    Arrays.sort(nanos);
    double seconds = total / 1e9;
    double cpuSeconds = cpuTotal / 1e9;
    return new Report(logins, users, phones, failures, seconds, logins / seconds, pct(nanos, 50), pct(nanos, 95),
        pct(nanos, 99), cpuSeconds, logins / cpuSeconds, codes);
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static String userId(int i) {
    return String.format("u%06d", i);
  }

  static String phoneName(int i) {
    return String.format("SEP%012X", 0x00AA00000000L + i);
  }

  /** Two clusters: HOME with the users and one EMCC device per phone, VISIT with the phones. */
  public static Workspace workspace(int users, int phones) {
    String hash = PinHash.hash(PIN, ITERATIONS);
    Geolocation geoHome = Geolocation.of("GEO_HOME", "JP", "Tokyo", "Chiyoda");
    Geolocation geoVisit = Geolocation.of("GEO_VISIT", "JP", "Osaka", "Osaka");
    List<EndUser> endUsers = new ArrayList<>(users);
    List<DeviceProfile> profiles = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      String ext = String.valueOf(100000 + i);
      profiles.add(DeviceProfile.of("UDP_" + userId(i), "Cisco 8865", Protocol.SIP,
          List.of(new Line(1, ext, null))));
      endUsers.add(new EndUser(userId(i), null, null, ext, ext, hash, false, true, List.of("UDP_" + userId(i))));
    }
    List<Phone> phoneList = new ArrayList<>(phones);
    for (int i = 0; i < phones; i++) {
      phoneList.add(new Phone(phoneName(i), null, "Cisco 8865", Protocol.SIP, true, List.of("Extension Mobility"),
          null, "DP_VISIT", "GEO_VISIT", "10.2." + (i / 250) % 250 + "." + (i % 250 + 1)));
    }
    Cluster home = cluster("HOME", "10.1.0.10", "A1", "B2", geoHome, geoVisit)
        .withEndUsers(endUsers).withDeviceProfiles(profiles)
        .withEmccDevices(new EmccDevices("EMCC_TPL", List.of()).insert(phones));
    Cluster visit = cluster("VISIT", "10.2.0.10", "B2", "A1", geoVisit, geoHome).withPhones(phoneList);
    return Workspace.of(List.of(home, visit));
  }

  private static Cluster cluster(String id, String address, String ownCert, String otherCert, Geolocation own,
      Geolocation otherGeo) {
    String other = id.equals("HOME") ? "VISIT" : "HOME";
    String fqn = "cucm-pub." + id.toLowerCase(java.util.Locale.ROOT) + ".example.com";
    Node node = new Node(fqn, address, true, false, new NodeServices(true, true, true, true, true, false),
        List.of(new Certificate(CertificateType.TOMCAT, "CN=" + fqn, ownCert.repeat(32), null, null, null)));
    PhoneService em = new PhoneService("Extension Mobility", null,
        "http://" + address + ":8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#", null, null, null, true,
        false);
    EmccFeatureConfig f = EmccFeatureConfig.DEFAULTS.withTftpServers(fqn, null).withGeolocationFilter("GF_CITY")
        .withRemoteClusterUpdateServers(fqn, null);
    return Cluster.empty(id, "14.0")
        .withNodes(List.of(node))
        .withTrustStores(TrustStores.EMPTY.withTomcatTrust(List.of(ownCert.repeat(32), otherCert.repeat(32))))
        .withPhoneServices(List.of(em))
        .withEmccTemplates(List.of(new EmccTemplate("EMCC_TPL", null, "DP_" + id, null, null, null)))
        .withGeolocations(List.of(own, otherGeo))
        .withGeolocationFilters(List.of(new GeolocationFilter("GF_CITY", null,
            List.of(GeolocationField.COUNTRY, GeolocationField.STATE, GeolocationField.CITY))))
        .withDevicePools(List.of(new DevicePool("DP_" + id, null, own.name(), null),
            new DevicePool("DP_" + other + "_ROAM", null, otherGeo.name(), null)))
        .withEmccFeatureConfig(f)
        .withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, "EMCC_TRUNK", false, null))
        .withRemoteClusters(List.of(new RemoteCluster(other, "cucm-pub." + other.toLowerCase(java.util.Locale.ROOT) + ".example.com", "",
            RemoteServices.EMCC_ALL, null)));
  }
}
