package dev.emcc.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.RemoteCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of teaching scenarios: each a named fault applied to the demo workspace (TOKYO is
 * alice's home, OSAKA the visiting cluster, carol a user of OSAKA), with the result it must give. The shipped files in
 * src/main/resources/dev/emcc/sim/scenarios are generated from this table:
 * {@code mvn -o -q test -Dtest=TeachingScenariosTest -Demcc.writeScenarios=true}.
 */
final class TeachingScenarios {
  static final String TOKYO = "clusters[0]";
  static final String OSAKA = "clusters[1]";

  /** One teaching scenario: its file name, the document, the expected result and code. */
  record Teaching(String file, ObjectNode document, boolean success, Integer code) {}

  private TeachingScenarios() {}

  static List<Teaching> all() {
    List<Teaching> t = new ArrayList<>();
    // ---- successful logins ----
    t.add(s("ok-emcc-login", "alice (home TOKYO) logs in on an Osaka phone").ok());
    t.add(s("ok-local-em-login", "carol logs in on a phone of her own cluster (plain Extension Mobility)")
        .attempt("userId", "carol").attempt("pin", "86420").ok());
    t.add(s("ok-dn-login", "alice logs in with her extension (loginType DN)")
        .attempt("loginType", "DN").attempt("userId", "1001").ok());
    t.add(s("ok-sp-login", "alice logs in with her self-service user ID (loginType SP)")
        .attempt("loginType", "SP").attempt("userId", "1001").ok());
    t.add(s("ok-secure-emcc", "both clusters mixed mode, encrypted phone: secure EMCC")
        .ws(TOKYO + ".securityMode", "mixed").ws(OSAKA + ".securityMode", "mixed")
        .ws(OSAKA + ".phones[0].deviceSecurityMode", "encrypted").ok());
    t.add(s("ok-login-type-ignored", "visiting cluster 11.5 ignores loginType=DN in its URL: user ID and PIN")
        .ws(OSAKA + ".version", "11.5")
        .ws(OSAKA + ".phoneServices[0].serviceUrl",
            "http://10.2.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#&loginType=DN").ok());
    t.add(s("ok-wideband-lossy", "EMCC region 64 kbps, Lossy on both clusters: iSAC first")
        .ws(TOKYO + ".emccFeatureConfig.regionMaxAudioBitRateKbps", 64)
        .ws(TOKYO + ".emccFeatureConfig.regionLinkLossType", "lossy")
        .ws(OSAKA + ".emccFeatureConfig.regionMaxAudioBitRateKbps", 64)
        .ws(OSAKA + ".emccFeatureConfig.regionLinkLossType", "lossy").ok());
    t.add(s("warn-region-mismatch", "EMCC region max audio differs (64 vs 8 kbps): success, one-way audio warning")
        .ws(OSAKA + ".emccFeatureConfig.regionMaxAudioBitRateKbps", 64).ok());
    t.add(s("warn-roaming-pool-fallback", "no EMCC geolocation filter on TOKYO: roaming pool of the EMCC template")
        .ws(TOKYO + ".emccFeatureConfig.geolocationFilter", null).ok());
    t.add(s("ok-config-encrypted", "TFTP Encrypted Config on the phone, both clusters 14.0: the configuration file is encrypted")
        .ws(OSAKA + ".phones[0].tftpEncryptedConfig", true).ok());
    t.add(s("warn-config-not-encrypted", "TFTP Encrypted Config on the phone, visiting OSAKA runs 8.6: sent unencrypted")
        .ws(OSAKA + ".phones[0].tftpEncryptedConfig", true).ws(OSAKA + ".version", "8.6").ok());
    t.add(s("ok-remote-added-all-services", "OSAKA added TOKYO with Enable All Remote Cluster Services True")
        .ws(OSAKA + ".emccFeatureConfig.enableAllRemoteClusterServicesOnAdd", true)
        .ws(OSAKA + ".remoteClusters", List.of(addedTokyo(true))).ok());
    t.add(s("ok-emcc-logout", "alice logs out of the Osaka phone: TOKYO frees her EMCC device")
        .loggedIn("alice", "SEP00AABBCC0201").logout().ok());
    // ---- the phone and the visiting EMApp ----
    t.add(s("e210-em-app-init-failed", "OSAKA's EMApp started while its database was down")
        .fault("OSAKA", "emAppInitFailed").fails(210));
    t.add(s("e207-empty-device-name", "a third-party request without a device name")
        .attempt("phone", "").attempt("sourceIp", "10.2.9.9").fails(207));
    t.add(s("e207-no-device-tag", "OSAKA's EM service URL has no device=#DEVICENAME#")
        .ws(OSAKA + ".phoneServices[0].serviceUrl", "http://10.2.0.10:8080/emapp/EMAppServlet?EMCC=#EMCC#").fails(207));
    t.add(s("e11-unknown-device", "the phone is not in the visiting cluster's device table")
        .attempt("phone", "SEP0000DEADBEEF").fails(11));
    t.add(s("e22-no-em-service", "the phone is not subscribed to the EM service")
        .ws(OSAKA + ".phones[0].subscribedServices", List.of()).fails(22));
    t.add(s("e215-bad-login-type", "loginType=EMAIL in the visiting EM service URL")
        .ws(OSAKA + ".phoneServices[0].serviceUrl",
            "http://10.2.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#&loginType=EMAIL").fails(215));
    t.add(s("e215-lower-case-login-type", "loginType=dn in the visiting EM service URL: the values are SP, DN, UID")
        .ws(OSAKA + ".phoneServices[0].serviceUrl",
            "http://10.2.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#&loginType=dn").fails(215));
    t.add(s("e202-blank-pin", "the user leaves the PIN blank").attempt("pin", "").fails(202));
    t.add(s("e208-visiting-em-inactive", "Cisco Extension Mobility is not active on the visiting node")
        .ws(OSAKA + ".nodes[0].services.extensionMobility", false).fails(208));
    // ---- the visiting EMService ----
    t.add(s("e26-busy", "the visiting EMService already handles Maximum Concurrent Requests (5)")
        .cond("concurrentRequests", 5).fails(26));
    t.add(s("e28-untrusted-ip", "Validate IP Address on, request from an untrusted address")
        .ws(OSAKA + ".emServiceParameters.validateIpAddress", true).attempt("sourceIp", "10.9.9.9").fails(28));
    t.add(s("e30-proxy", "the request came through an HTTP proxy, Allow Proxy off")
        .attempt("viaProxy", true).fails(30));
    t.add(s("e8-query-type-undetermined", "an EM API request with a query type the EMService does not know")
        .attempt("sourceIp", "10.2.9.9").attempt("emApi", map("appUser", "thirdparty", "queryType", "DeviceProfileQuery"))
        .fails(8));
    t.add(s("e3-invalid-app-user", "an EM API request whose application user's password is wrong")
        .attempt("sourceIp", "10.2.9.9").attempt("emApi", map("appUser", "thirdparty", "wrongPassword", true))
        .fails(3));
    t.add(s("e10-no-proxy-rights", "an EM API login by an application user without proxy rights")
        .attempt("sourceIp", "10.2.9.9").attempt("emApi", map("appUser", "thirdparty", "lacksProxyRights", true))
        .fails(10));
    t.add(s("e29-ris-down", "OSAKA's EMService cannot reach the RIS Data Collector")
        .fault("OSAKA", "risDown").fails(29));
    t.add(s("e6-visiting-database-down", "OSAKA's database returns exceptions").fault("OSAKA", "databaseDown").fails(6));
    t.add(s("e22-phone-em-off", "Enable Extension Mobility is off on the phone")
        .ws(OSAKA + ".phones[0].enableExtensionMobility", false).fails(22));
    t.add(s("e5-api-phone-em-off", "an EM API request for a phone with Enable Extension Mobility off")
        .ws(OSAKA + ".phones[0].enableExtensionMobility", false).attempt("sourceIp", "10.2.9.9").fails(5));
    t.add(s("e18-phone-in-use", "carol is already logged in on the phone")
        .loggedIn("carol", "SEP00AABBCC0201").fails(18));
    t.add(s("e216-dn-shared-locally", "loginType DN: extension 2001 is the primary extension of two OSAKA users")
        .add(OSAKA + ".endUsers", user("jiro", "2001", "UDP_carol_8865"))
        .attempt("loginType", "DN").attempt("userId", "2001").attempt("pin", "86420").fails(216));
    t.add(s("e201-local-wrong-pin", "carol (local user) enters a wrong PIN")
        .attempt("userId", "carol").attempt("pin", "00000").fails(201));
    t.add(s("e204-local-directory-down", "carol (local user): OSAKA's directory (IMS) cannot authenticate")
        .attempt("userId", "carol").attempt("pin", "86420").fault("OSAKA", "directoryDown").fails(204));
    t.add(s("e213-model-without-emcc", "a Cisco 7960 (no EMCC support) at the visiting cluster")
        .add(OSAKA + ".phones", map("name", "SEP00AABBCC0299", "model", "Cisco 7960", "protocol", "sip",
            "enableExtensionMobility", true, "subscribedServices", List.of("Extension Mobility"),
            "devicePool", "DP_OSAKA", "geolocation", "GEO_OSAKA", "address", "10.2.5.99"))
        .attempt("phone", "SEP00AABBCC0299").fails(213));
    t.add(s("e201-visiting-emcc-inactive", "EMCC not active in OSAKA's intercluster service profile")
        .ws(OSAKA + ".interclusterServiceProfile.emccActive", false).fails(201));
    t.add(s("e211-pstn-access-inactive", "PSTN access not active in OSAKA's intercluster service profile")
        .ws(OSAKA + ".interclusterServiceProfile.pstnAccessActive", false).fails(211));
    t.add(s("e36-no-remote-cluster", "OSAKA has no remote cluster").ws(OSAKA + ".remoteClusters", List.of())
        .fails(36));
    t.add(s("e36-remote-added-services-off", "OSAKA added TOKYO with Enable All Remote Cluster Services False (default)")
        .ws(OSAKA + ".remoteClusters", List.of(addedTokyo(false))).fails(36));
    // ---- finding the home cluster ----
    t.add(s("e23-unknown-user", "nobody knows the user").attempt("userId", "nobody").fails(23));
    t.add(s("e208-wan-down", "the WAN between OSAKA and TOKYO is down").cond("wanUp", false).fails(208));
    t.add(s("e208-untrusted-tomcat", "OSAKA's tomcat-trust lacks TOKYO's Tomcat certificate (no bulk import)")
        .ws(OSAKA + ".trustStores.tomcatTrust", List.of()).fails(208));
    t.add(s("e208-home-em-inactive", "Cisco Extension Mobility is not active on TOKYO's node")
        .ws(TOKYO + ".nodes[0].services.extensionMobility", false).fails(208));
    t.add(s("e40-remote-unavailable", "TOKYO did not answer OSAKA's last remote cluster update")
        .ws(OSAKA + ".remoteClusters[0].status", map("updatedAt", "2026-01-05T08:30:00Z", "answered", false))
        .fails(40));
    t.add(s("e40-no-host", "OSAKA's remote cluster entry points at a host nobody answers on")
        .ws(OSAKA + ".remoteClusters[0].fullyQualifiedName", "cucm-pub.nagoya.example.com").fails(40));
    t.add(s("e42-invalid-cluster-id", "OSAKA's entry says TOKIO, the host answers as TOKYO")
        .ws(OSAKA + ".remoteClusters[0].clusterId", "TOKIO").fails(42));
    t.add(s("e1-login-type-old-home", "visiting 14.0 sends loginType UID, home TOKYO runs 11.5")
        .ws(TOKYO + ".version", "11.5").attempt("loginType", "UID").fails(1));
    // ---- the home EMService ----
    t.add(s("e44-same-cluster-id", "the visiting cluster's ID equals the home's (tokyo / TOKYO)")
        .ws(OSAKA + ".clusterId", "tokyo").attempt("visitingCluster", "tokyo").fails(44));
    t.add(s("e6-home-database-down", "TOKYO's database returns exceptions").fault("TOKYO", "databaseDown").fails(6));
    t.add(s("e35-home-lacks-visiting", "TOKYO has no remote cluster entry for OSAKA")
        .ws(TOKYO + ".remoteClusters", List.of()).fails(35));
    t.add(s("e212-home-knows-other-id", "TOKYO's entry for OSAKA's host carries cluster ID NAGOYA")
        .ws(TOKYO + ".remoteClusters[0].clusterId", "NAGOYA").fails(212));
    t.add(s("e38-emcc-off-for-visiting", "EMCC is off in TOKYO's remote cluster entry for OSAKA")
        .ws(TOKYO + ".remoteClusters[0].services.emcc", false).fails(38));
    t.add(s("e201-home-emcc-inactive", "EMCC not active in TOKYO's intercluster service profile")
        .ws(TOKYO + ".interclusterServiceProfile.emccActive", false).fails(201));
    t.add(s("e47-dn-shared-at-home", "loginType DN: extension 1001 is the primary extension of two TOKYO users")
        .add(TOKYO + ".endUsers", user("dave", "1001", "UDP_alice_8865"))
        .attempt("loginType", "DN").attempt("userId", "1001").fails(47));
    t.add(s("e31-user-emcc-off", "Enable Extension Mobility Cross Cluster is off for alice")
        .ws(TOKYO + ".endUsers[0].enableExtensionMobilityCrossCluster", false).fails(31));
    t.add(s("e2-wrong-pin", "alice enters a wrong PIN").attempt("pin", "99999").fails(2));
    t.add(s("e9-home-directory-down", "TOKYO's directory (IMS) returns an exception authenticating alice")
        .fault("TOKYO", "directoryDown").fails(9));
    t.add(s("e41-pin-must-change", "alice must change her PIN at the next login")
        .ws(TOKYO + ".endUsers[0].pinMustChange", true).fails(41));
    t.add(s("e12-no-device-profile", "alice controls no device profile")
        .ws(TOKYO + ".endUsers[0].controlledProfiles", List.of()).fails(12));
    t.add(s("e25-logged-in-elsewhere", "alice is logged in on a TOKYO phone")
        .loggedIn("alice", "SEP00AABBCC0101").fails(25));
    t.add(s("e32-home-model-without-emcc", "TOKYO's device catalog says the Cisco 8865 has no EMCC")
        .ws(TOKYO + ".deviceModels", List.of(map("name", "Cisco 8865", "protocols", List.of("sip"),
            "supportsEmcc", false))).fails(32));
    t.add(s("e37-duplicate-device-name", "TOKYO has a phone of the same name")
        .add(TOKYO + ".phones", map("name", "SEP00AABBCC0201", "model", "Cisco 8865", "protocol", "sip"))
        .fails(37));
    t.add(s("e37-duplicate-name-other-case", "TOKYO has a phone of the same name in lower case")
        .add(TOKYO + ".phones", map("name", "sep00aabbcc0201", "model", "Cisco 8865", "protocol", "sip"))
        .fails(37));
    t.add(s("e45-home-8x", "secure phone in mixed-mode OSAKA, home TOKYO runs 8.6")
        .ws(OSAKA + ".securityMode", "mixed").ws(TOKYO + ".version", "8.6")
        .ws(OSAKA + ".phones[0].deviceSecurityMode", "encrypted").fails(45));
    t.add(s("e45-visiting-8x", "secure phone in a mixed-mode visiting cluster of version 8.6 (not supported)")
        .ws(OSAKA + ".securityMode", "mixed").ws(OSAKA + ".version", "8.6")
        .ws(OSAKA + ".phones[0].deviceSecurityMode", "authenticated").fails(45));
    t.add(s("e46-home-non-secure", "secure phone in mixed-mode OSAKA, home TOKYO non-secure")
        .ws(OSAKA + ".securityMode", "mixed").ws(OSAKA + ".phones[0].deviceSecurityMode", "encrypted")
        .fails(46));
    t.add(s("e43-emcc-template-secure", "TOKYO's EMCC template has an encrypted device security mode")
        .ws(TOKYO + ".emccTemplates[0].deviceSecurityMode", "encrypted").fails(43));
    t.add(s("e33-no-free-emcc-device", "TOKYO has one EMCC device, and bob holds it")
        .ws(TOKYO + ".emccDevices.names", List.of("EMCC1")).loggedIn("bob", "SEP00AABBCC0202").fails(33));
    t.add(s("e39-no-tftp-server", "TOKYO's Default TFTP Server for EMCC Login Device is not set")
        .ws(TOKYO + ".emccFeatureConfig.defaultTftpServer", null).fails(39));
    t.add(s("e39-tftp-server-unknown", "TOKYO's Default TFTP Server for EMCC Login Device names no node of TOKYO")
        .ws(TOKYO + ".emccFeatureConfig.defaultTftpServer", "cucm-tftp.tokyo.example.com").fails(39));
    t.add(s("e39-backup-tftp-inactive", "TOKYO's Backup TFTP Server for EMCC Login Device runs no Cisco Tftp")
        .ws(TOKYO + ".emccFeatureConfig.backupTftpServer", "cucm-sub2.tokyo.example.com").fails(39));
    // ---- logouts ----
    t.add(s("e19-logout-nobody-logged-in", "an EM API logout of a phone nobody is logged in on")
        .attempt("sourceIp", "10.2.9.9").attempt("emApi", map("appUser", "thirdparty")).logout().fails(19));
    t.add(s("e20-logout-phone-em-off", "a logout on a phone with Enable Extension Mobility off")
        .ws(OSAKA + ".phones[0].enableExtensionMobility", false).logout().fails(20));
    t.add(s("e21-logout-database-down", "carol logs out while OSAKA's database returns exceptions")
        .loggedIn("carol", "SEP00AABBCC0201").fault("OSAKA", "databaseDown").logout().fails(21));
    return t;
  }

  /** OSAKA's entry for TOKYO as Add New saves it with the given Enable All Remote Cluster Services. */
  static RemoteCluster addedTokyo(boolean enableAll) {
    EmccFeatureConfig osaka = DemoWorkspace.create().clusters().get(1).emccFeatureConfig();
    EmccFeatureConfig f = new EmccFeatureConfig(osaka.defaultTftpServer(),
        osaka.backupTftpServer(), osaka.expiredDeviceMaintenanceIntervalMinutes(), enableAll,
        osaka.pstnAccessTrunkCss(), osaka.geolocationFilter(), osaka.regionMaxAudioBitRateKbps(),
        osaka.regionMaxVideoCallBitRateKbps(), osaka.regionLinkLossType(), osaka.rsvpSipTrunkKeepAliveSeconds(),
        osaka.remoteClusterUpdateDefaultServer(), osaka.remoteClusterUpdateBackupServer(),
        osaka.remoteClusterUpdateIntervalMinutes());
    return RemoteCluster.added("TOKYO", "cucm-pub.tokyo.example.com", "Tokyo cluster", f);
  }

  static Map<String, Object> user(String id, String ext, String profile) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("userId", id);
    u.put("primaryExtension", ext);
    u.put("selfServiceUserId", id);
    u.put("pinHash", "pbkdf2-sha256$1000$YWxpY2UuLi4uLi4uLi4uLg$8W3Ktt6ST4P1tQFY7zyBqqn4pAY1B9GQ8gXFJzxYzS0");
    u.put("enableExtensionMobilityCrossCluster", true);
    u.put("controlledProfiles", List.of(profile));
    return u;
  }

  /** An ordered map (the files must come out the same on every run). */
  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static Builder s(String file, String name) {
    return new Builder(file, name);
  }

  /** The demo workspace (branch demo) as a JSON tree: every scenario starts from it. */
  static ObjectNode base() {
    return (ObjectNode) WorkspaceFormat.toTree(DemoWorkspace.create());
  }

  /** Builds one scenario document from the base workspace. */
  static final class Builder {
    private final String file;
    private final ObjectNode doc = Json.mapper().createObjectNode();
    private final ObjectNode ws = base();
    private final ObjectNode attempt = Json.mapper().createObjectNode();
    private final ObjectNode conditions = Json.mapper().createObjectNode();

    Builder(String file, String name) {
      this.file = file;
      doc.put("name", name);
      doc.set("workspace", ws);
      attempt.put("phone", "SEP00AABBCC0201");
      attempt.put("visitingCluster", "OSAKA");
      attempt.put("userId", "alice");
      attempt.put("pin", "24680");
      attempt.putNull("loginType");
      attempt.putNull("sourceIp");
      attempt.put("viaProxy", false);
      doc.set("attempt", attempt);
      conditions.put("wanUp", true);
      conditions.putArray("loggedIn");
      conditions.put("concurrentRequests", 0);
      doc.set("conditions", conditions);
    }

    Builder ws(String path, Object value) {
      JsonEdit.set(ws, path, value);
      return this;
    }

    Builder add(String path, Object value) {
      JsonEdit.add(ws, path, value);
      return this;
    }

    Builder attempt(String key, Object value) {
      JsonEdit.set(attempt, key, value);
      return this;
    }

    Builder cond(String key, Object value) {
      JsonEdit.set(conditions, key, value);
      return this;
    }

    Builder logout() {
      attempt.remove("userId");
      attempt.remove("pin");
      attempt.put("action", "logout");
      return this;
    }

    Builder fault(String cluster, String fault) {
      ArrayNode faults = conditions.has("faults") ? (ArrayNode) conditions.get("faults") : conditions.putArray("faults");
      faults.addObject().put("cluster", cluster).put("fault", fault);
      return this;
    }

    Builder loggedIn(String user, String phone) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) conditions.get("loggedIn")).addObject()
          .put("userId", user).put("phone", phone);
      return this;
    }

    Teaching ok() {
      return new Teaching(file, doc, true, null);
    }

    Teaching fails(int code) {
      return new Teaching(file, doc, false, code);
    }
  }

  /** The text of a scenario file: pretty JSON, LF line ends, a final newline. */
  static String text(JsonNode doc) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every scenario file and the index into the given folder. */
  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder index = new StringBuilder();
    for (Teaching t : all()) {
      Files.writeString(dir.resolve(t.file() + ".json"), text(t.document()), StandardCharsets.UTF_8);
      index.append(t.file()).append('\n');
    }
    Files.writeString(dir.resolve("index.txt"), index.toString(), StandardCharsets.UTF_8);
  }
}
