package dev.emcc.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Limits;
import dev.emcc.schema.Violation;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue of broken workspaces: the demo with one thing wrong, at least one for every rule id
 * of every rule family, and a blank and a repeated name in every collection of the schema. Each
 * case names the rule id it must provoke. Tests walk every rule over it (every finding's fix must
 * lead to a real field) and open the findings in the console.
 */
public final class BrokenWorkspaces {
  /** One broken workspace, the rule id it must provoke and, for a broken limit, the path of the value. */
  public record Case(String rule, String what, Workspace workspace, String path) {
    @Override
    public String toString() {
      return rule + ": " + what;
    }
  }

  private static final String T = "clusters[0].";
  private static final String O = "clusters[1].";
  private static final String EM_URL = "http://10.1.0.10:8080/emapp/EMAppServlet?";

  private BrokenWorkspaces() {}

  /** The rules' clock and catalog, as the rule tests use them. */
  public static RuleContext context() {
    return Fixtures.CONTEXT;
  }

  public static List<Case> all() {
    List<Case> out = new ArrayList<>(handWritten());
    out.addAll(names());
    out.addAll(limits());
    return out;
  }

  private static List<Case> handWritten() {
    return List.of(
        of("node.autoRegistration", "auto-registration on", O + "nodes[1].autoRegistration", "true"),
        of("emcc.capacity", "MaxPhones below phones + 2 x EMCC devices", T + "maxPhones", "25"),
        of("cert.expired", "an expired Tomcat certificate", T + "nodes[0].certificates[0].notAfter", "\"2026-05-01T00:00:00Z\""),
        of("certificate.expiring", "a certificate expiring in 19 days", T + "nodes[0].certificates[2].notAfter",
            "\"2026-06-20T00:00:00Z\""),
        of("certificate.staleExport", "an export older than the certificates", T + "certificateExport",
            "{\"exportedAt\": \"2025-12-01T00:00:00Z\", \"file\": \"TOKYO.p12\", \"fingerprints\": []}"),
        of("cluster.version", "a version that is no version", T + "version", "\"fourteen\""),
        of("cluster.versionUnsupported", "Unified CM 7.1", T + "version", "\"7.1\""),
        of("device.duplicateAcrossClusters", "Tokyo's phone again in Osaka", O + "phones[2].name", "\"sep00aabbcc0101\""),
        of("emService.deviceName", "no device=#DEVICENAME#", T + "phoneServices[0].serviceUrl", q(EM_URL + "EMCC=#EMCC#")),
        of("emService.disabled", "the EM service off", T + "phoneServices[0].enabled", "false"),
        of("emService.emccMisprint", "EMCC=EMCC#", T + "phoneServices[0].serviceUrl",
            q(EM_URL + "device=#DEVICENAME#&EMCC=EMCC#")),
        of("emService.emccParameter", "no EMCC=#EMCC#", T + "phoneServices[0].serviceUrl", q(EM_URL + "device=#DEVICENAME#")),
        of("emService.loginType", "loginType=dn", T + "phoneServices[0].serviceUrl",
            q(EM_URL + "device=#DEVICENAME#&EMCC=#EMCC#&loginType=dn")),
        of("emService.missing", "no EM service", T + "phoneServices",
            "[{\"name\": \"Directory\", \"serviceUrl\": \"http://10.1.0.10/dir\", \"enabled\": true}]"),
        of("emService.secureScheme", "a secure URL over http", T + "phoneServices[0].secureServiceUrl",
            q(EM_URL + "device=#DEVICENAME#&EMCC=#EMCC#")),
        of("emcc.backupSameAsDefault", "the backup TFTP server is the default one",
            T + "emccFeatureConfig.backupTftpServer", "\"10.1.0.10\""),
        of("emcc.geolocationFilterMissing", "no geolocation filter", T + "emccFeatureConfig.geolocationFilter", "null"),
        of("emcc.regionMismatch", "another audio bit rate in Osaka", O + "emccFeatureConfig.regionMaxAudioBitRateKbps", "16"),
        of("emcc.tftpServer", "a backup TFTP server without TFTP", T + "emccFeatureConfig.backupTftpServer",
            "\"cucm-sub2.tokyo.example.com\""),
        of("emcc.tftpServer", "a TFTP server that is no node", T + "emccFeatureConfig.defaultTftpServer", "\"10.9.9.9\""),
        of("emcc.tftpServerMissing", "no TFTP server", T + "emccFeatureConfig.defaultTftpServer", "null"),
        of("emcc.updateServer", "an update server that is no node",
            T + "emccFeatureConfig.remoteClusterUpdateBackupServer", "\"10.9.9.9\""),
        of("emcc.updateServerMissing", "no update server", T + "emccFeatureConfig.remoteClusterUpdateDefaultServer", "null",
            T + "emccFeatureConfig.remoteClusterUpdateBackupServer", "null"),
        of("emccDevices.defaultTemplateMissing", "no default EMCC template", T + "emccDevices.defaultTemplate", "null"),
        of("emccDevices.none", "no EMCC devices", T + "emccDevices.names", "[]"),
        of("emccTemplate.notNonSecure", "an encrypted EMCC template", T + "emccTemplates[0].deviceSecurityMode",
            "\"encrypted\""),
        of("field.audioBitRate", "9 kbps", T + "emccFeatureConfig.regionMaxAudioBitRateKbps", "9",
            O + "emccFeatureConfig.regionMaxAudioBitRateKbps", "9"),
        of("field.enum", "a phone without protocol", T + "phones[0].protocol", "null"),
        of("field.enum", "a device profile without protocol", T + "deviceProfiles[0].protocol", "null"),
        of("field.enum", "a certificate without type", T + "nodes[0].certificates[0].type", "null"),
        of("field.range", "expired device maintenance 5 minutes",
            T + "emccFeatureConfig.expiredDeviceMaintenanceIntervalMinutes", "5"),
        of("field.range", "video 9000 kbps", T + "emccFeatureConfig.regionMaxVideoCallBitRateKbps", "9000",
            O + "emccFeatureConfig.regionMaxVideoCallBitRateKbps", "9000"),
        of("field.range", "RSVP keepalive 0 s", T + "emccFeatureConfig.rsvpSipTrunkKeepAliveSeconds", "0"),
        of("field.range", "remote cluster update every 5 minutes",
            T + "emccFeatureConfig.remoteClusterUpdateIntervalMinutes", "5"),
        of("field.range", "no concurrent EM requests", T + "emServiceParameters.maximumConcurrentRequests", "0"),
        of("field.range", "MaxPhones 60001", T + "maxPhones", "60001"),
        of("field.required", "no version", T + "version", "\"\""),
        of("field.required", "a profile without product type", T + "deviceProfiles[0].productType", "\" \""),
        of("field.required", "a phone without model", T + "phones[0].model", "null"),
        of("field.required", "a template without common device configuration",
            T + "emccTemplates[0].commonDeviceConfig", "null"),
        of("field.required", "a trunk without destination", T + "sipTrunks[0].destinations", "[]"),
        of("field.required", "a remote cluster without address", T + "remoteClusters[0].fullyQualifiedName", "\"\""),
        of("field.required", "a phone service without URL", T + "phoneServices[0].serviceUrl", "\"\""),
        of("field.required", "a line without directory number", T + "deviceProfiles[0].lines[0].directoryNumber", "\"\""),
        of("field.unique", "an EMCC device name twice", T + "emccDevices.names[1]", "\"EMCC1\""),
        of("field.unique", "a phone named as an EMCC device", T + "phones[0].name", "\"EMCC1\""),
        of("icsp.emccInactive", "EMCC inactive", O + "interclusterServiceProfile.emccActive", "false"),
        of("icsp.pstnInactive", "PSTN access inactive", O + "interclusterServiceProfile.pstnAccessActive", "false"),
        of("restriction.rsvpCac", "no RSVP agent service: no CAC for EMCC calls",
            T + "interclusterServiceProfile.rsvpAgentActive", "false"),
        of("restriction.e911Css", "PSTN access by the phone's original device CSS",
            T + "emccFeatureConfig.pstnAccessTrunkCss", "\"usePhonesOriginalDeviceCss\""),
        of("loginType.versionMismatch", "loginType sent to an 11.5 home", T + "phoneServices[0].serviceUrl",
            q(EM_URL + "device=#DEVICENAME#&EMCC=#EMCC#&loginType=SP"), O + "version", "\"11.5\""),
        of("phone.emDisabled", "EM off on a phone", T + "phones[4].enableExtensionMobility", "false"),
        of("phone.emccUnsupported", "a 7940", T + "phones[3].model", "\"Cisco 7940\""),
        of("phone.model", "a model not in the catalog", T + "phones[0].model", "\"Cisco 9999\""),
        of("phone.notSubscribed", "a phone not subscribed", T + "phones[4].subscribedServices", "[]"),
        of("phone.protocol", "SCCP on a SIP-only model", T + "phones[0].model", "\"Cisco 9971\"",
            T + "phones[0].protocol", "\"sccp\""),
        of("profile.dndOption", "Call Reject on an SCCP 7960", T + "deviceProfiles[1].productType", "\"Cisco 7960\"",
            T + "deviceProfiles[1].protocol", "\"sccp\"", T + "deviceProfiles[1].dndOption", "\"callReject\""),
        of("profile.mlpp", "MLPP Off with Forceful", T + "deviceProfiles[2].mlppIndication", "\"off\"",
            T + "deviceProfiles[2].mlppPreemption", "\"forceful\""),
        of("profile.productType", "a product not in the catalog", T + "deviceProfiles[0].productType", "\"Cisco 1234\""),
        of("profile.protocol", "SCCP on a SIP-only product", T + "deviceProfiles[0].productType", "\"Cisco 9971\"",
            T + "deviceProfiles[0].protocol", "\"sccp\""),
        of("ref.commonDeviceConfig", "a template's unknown configuration", T + "emccTemplates[0].commonDeviceConfig",
            "\"CDC_OTHER\""),
        of("ref.devicePool", "a phone's unknown pool", T + "phones[1].devicePool", "\"DP_NOWHERE\""),
        of("ref.deviceProfile", "an unknown controlled profile", T + "endUsers[0].controlledProfiles", "[\"UDP_nobody\"]"),
        of("ref.emccTemplate", "an unknown default template", T + "emccDevices.defaultTemplate", "\"EMCC_OLD\""),
        of("ref.endUser", "an unknown login user", T + "deviceProfiles[0].loginUserId", "\"nobody\""),
        of("ref.geolocation", "a phone's unknown geolocation", T + "phones[1].geolocation", "\"GEO_MARS\""),
        of("ref.geolocation", "a pool's unknown geolocation", T + "devicePools[0].geolocation", "\"GEO_MARS\""),
        of("ref.geolocationFilter", "an unknown filter", T + "emccFeatureConfig.geolocationFilter", "\"GF_STREET\""),
        of("ref.node", "an unknown node in a pool's group", T + "devicePools[0].callManagerGroup",
            "[\"cucm-sub9.tokyo.example.com\"]"),
        of("ref.phoneService", "an unknown subscribed service", T + "phones[0].subscribedServices",
            "[\"Extension Mobility\", \"Weather\"]"),
        of("ref.sipTrunk", "an unknown PSTN trunk", T + "interclusterServiceProfile.pstnAccessSipTrunk", "\"NO_TRUNK\""),
        of("remote.emccOff", "EMCC off towards Osaka", T + "remoteClusters[0].services.emcc", "false"),
        of("remote.fqdnUnknown", "an address of no Osaka node", T + "remoteClusters[0].fullyQualifiedName",
            "\"cucm.nagoya.example.com\""),
        of("remote.none", "Osaka knows no remote cluster", O + "remoteClusters", "[]"),
        of("remote.notReciprocal", "Osaka's entry names Nagoya", O + "remoteClusters[0].clusterId", "\"NAGOYA\""),
        of("remote.unknownCluster", "Osaka's entry names Nagoya", O + "remoteClusters[0].clusterId", "\"NAGOYA\""),
        of("remote.self", "Tokyo lists itself", T + "remoteClusters[1]",
            "{\"clusterId\": \"TOKYO\", \"fullyQualifiedName\": \"cucm-pub.tokyo.example.com\", \"description\": \"\","
                + " \"services\": {\"emcc\": true, \"pstnAccess\": true, \"rsvpAgent\": true}}"),
        of("remote.tftpOn", "TFTP on towards Osaka", T + "remoteClusters[0].services.tftp", "true"),
        security("security.home8x", "8.6", "\"mixed\"", "14.0", "\"mixed\""),
        security("security.nonSecureHome", "14.0", "\"nonSecure\"", "14.0", "\"mixed\""),
        security("security.visiting8x", "14.0", "\"mixed\"", "8.6", "\"mixed\""),
        of("service.bulkProvisioning", "no bulk provisioning on the publisher",
            T + "nodes[0].services.bulkProvisioning", "false"),
        everyNode("service.callManager", "callManager"),
        everyNode("service.extensionMobility", "extensionMobility"),
        everyNode("service.tftp", "tftp"),
        of("service.ilsMissing", "no ILS on the publisher", T + "nodes[0].services.ils", "false"),
        of("service.ilsNotPublisher", "ILS on a subscriber", T + "nodes[2].services.ils", "true"),
        of("service.publisher", "two publishers", T + "nodes[2].publisher", "true"),
        of("trunk.notEmcc", "an RSVP trunk of another service type", T + "sipTrunks[1]",
            "{\"name\": \"PLAIN\", \"serviceType\": \"none\", \"devicePool\": \"DP_TOKYO\", \"destinations\": [\"10.2.0.10\"]}",
            T + "interclusterServiceProfile.rsvpAgentSipTrunk", "\"PLAIN\""),
        of("trunk.pstnMissing", "no PSTN trunk", T + "interclusterServiceProfile.pstnAccessSipTrunk", "null"),
        of("trunk.rsvpMissing", "no RSVP trunk", T + "interclusterServiceProfile.rsvpAgentSipTrunk", "\" \""),
        of("trunk.tooMany", "three EMCC trunks", T + "sipTrunks[1]", trunk("EMCC_RSVP"), T + "sipTrunks[2]", trunk("EMCC_THIRD")),
        of("trust.missingRemoteCert", "Tokyo trusts no Tomcat certificate", T + "trustStores.tomcatTrust", "[]"),
        of("user.emccDisabled", "EMCC off for a user with profiles",
            T + "endUsers[1].enableExtensionMobilityCrossCluster", "false"),
        of("user.noControlledProfile", "a user without profile", T + "endUsers[1].controlledProfiles", "[]"),
        of("user.sharedPrimaryExtension", "two users on 1001", T + "endUsers[3].primaryExtension", "\"1001\""));
  }

  /** A blank and a repeated name in every collection of the schema. */
  private static List<Case> names() {
    List<Case> out = new ArrayList<>();
    for (Window w : Windows.collections()) {
      CollectionBinding<?> b = w.collection().orElseThrow();
      String list = T + b.clusterKey();
      out.add(withEdits("field.required", "a blank " + b.nameKey() + " in " + w.id(), seed(w), list + "[0]." + b.nameKey(), "\"\""));
      out.add(withEdits("field.unique", "a repeated " + b.nameKey() + " in " + w.id(), seed(w), list + "[1]", "COPY0"));
    }
    return out;
  }

  /** The demo has no device models of its own: one to break. */
  private static String[] seed(Window w) {
    return w == Windows.DEVICE_MODEL
        ? new String[] {T + "deviceModels", "[{\"name\": \"Lab Phone\", \"protocols\": [\"sip\"], \"supportsEmcc\": true}]"}
        : new String[0];
  }

  /**
   * Every limit of every field of the schema broken once, on the first object of its window in
   * Tokyo: a blank mandatory value, a text one character too long, a number one past its range,
   * no choice where CUCM has no default, a directory number of the wrong shape.
   */
  public static List<Case> limits() {
    List<Case> out = new ArrayList<>();
    for (Window w : Windows.ALL) {
      if (w.binding() == null) {
        continue;
      }
      String object = w.binding() instanceof CollectionBinding<?> b ? b.clusterKey() + "[0]"
          : w.binding().clusterKey();
      String prefix = object.isEmpty() ? "" : object + ".";
      for (Field f : w.fields()) {
        if (!Limits.limited(f)) {
          continue;
        }
        if (f.kind() == FieldKind.LINES) {
          for (Field column : f.columns()) {
            breaks(column).forEach((rule, json) -> out.add(limit(w, rule, column.key() + " of a line",
                prefix + f.key() + "[0]." + column.key(), json)));
          }
        } else {
          breaks(f).forEach((rule, json) -> out.add(limit(w, rule, f.key(), prefix + f.key(), json)));
        }
      }
    }
    return out;
  }

  /** A value breaking each limit of a field (rule id to JSON). */
  private static Map<String, String> breaks(Field f) {
    Map<String, String> out = new LinkedHashMap<>();
    if (f.required()) {
      out.put(Violation.REQUIRED, f.kind() == FieldKind.LIST ? "[]" : "\"\"");
    }
    if (f.kind() == FieldKind.CHOICE && f.defaultValue() == null) {
      out.put(Violation.ENUM, "null");
    }
    if (f.maxLength() > 0) {
      out.put(Violation.MAX_LENGTH, q("x".repeat(f.maxLength() + 1)));
    }
    if (f.max() != null) {
      out.put(Violation.RANGE, String.valueOf(f.max() + 1L));
    }
    if (f.constraints().pattern() != null) {
      out.put(Violation.PATTERN, q("12a"));
    }
    return out;
  }

  private static Case limit(Window w, String rule, String what, String path, String json) {
    Case c = withEdits(rule, w.id() + ": " + what + " " + json, seed(w), T + path, json);
    return new Case(c.rule(), c.what(), c.workspace(), "$.clusters[0]." + path);
  }

  private static Case security(String rule, String homeVersion, String home, String visitingVersion, String visiting) {
    return of(rule, "home " + homeVersion + " " + home + ", visiting " + visitingVersion + " " + visiting,
        T + "version", q(homeVersion), T + "securityMode", home, O + "version", q(visitingVersion),
        O + "securityMode", visiting, O + "phones[0].deviceSecurityMode", "\"encrypted\"");
  }

  private static Case everyNode(String rule, String service) {
    return of(rule, "no node runs " + service, T + "nodes[0].services." + service, "false",
        T + "nodes[1].services." + service, "false", T + "nodes[2].services." + service, "false");
  }

  private static String trunk(String name) {
    return "{\"name\": \"" + name + "\", \"serviceType\": \"extensionMobilityCrossClusters\", \"devicePool\": \"DP_TOKYO\","
        + " \"destinations\": [\"10.2.0.10\"]}";
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }

  /** The demo with each {@code path, json} pair set; a path past the end of an array appends. */
  public static Case of(String rule, String what, String... pathsAndValues) {
    return withEdits(rule, what, new String[0], pathsAndValues);
  }

  private static Case withEdits(String rule, String what, String[] first, String... then) {
    ObjectNode tree = (ObjectNode) WorkspaceFormat.toTree(Fixtures.baseline());
    List<String> edits = new ArrayList<>(List.of(first));
    edits.addAll(List.of(then));
    for (int i = 0; i < edits.size(); i += 2) {
      set(tree, edits.get(i), edits.get(i + 1));
    }
    try {
      return new Case(rule, what, WorkspaceFormat.read(tree.toString(), what), null);
    } catch (Exception e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    }
  }

  private static final Pattern STEP = Pattern.compile("(\\w+)(?:\\[(\\d+)])?");

  /** Sets a dotted path with array indices; the value "COPYn" copies element n of the same array. */
  private static void set(ObjectNode root, String path, String json) {
    String[] parts = path.split("\\.");
    JsonNode at = root;
    for (int p = 0; p < parts.length; p++) {
      Matcher m = STEP.matcher(parts[p]);
      if (!m.matches()) {
        throw new IllegalArgumentException(path);
      }
      boolean last = p == parts.length - 1;
      ObjectNode object = (ObjectNode) at;
      if (m.group(2) == null) {
        if (last) {
          object.set(m.group(1), value(json, null));
        } else {
          at = object.get(m.group(1));
        }
      } else {
        ArrayNode array = (ArrayNode) object.get(m.group(1));
        int index = Integer.parseInt(m.group(2));
        if (last) {
          JsonNode v = value(json, array);
          if (index < array.size()) {
            array.set(index, v);
          } else {
            array.add(v);
          }
        } else {
          at = array.get(index);
        }
      }
    }
  }

  private static JsonNode value(String json, ArrayNode array) {
    if (json.startsWith("COPY")) {
      return array.get(Integer.parseInt(json.substring(4))).deepCopy();
    }
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
