package dev.emcc.node;

import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.nio.charset.StandardCharsets;

/** Small clusters for node and sync tests, written in the workspace format. */
public final class Fixtures {
  private Fixtures() {}

  /** A cluster with a few phones, users and profiles; PIN of every user is 12345. */
  public static Cluster cluster(String clusterId, String otherClusterId, int phones) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"clusterId\":\"").append(clusterId).append("\",\"version\":\"14.0\",\"securityMode\":\"nonSecure\",")
        .append("\"nodes\":[{\"name\":\"cucm-pub.").append(clusterId.toLowerCase()).append(".example.com\",")
        .append("\"address\":\"10.1.0.10\",\"publisher\":true}],")
        .append("\"interclusterServiceProfile\":{\"emccActive\":true,\"pstnAccessActive\":true,")
        .append("\"pstnAccessSipTrunk\":\"EMCC_TRUNK\",\"rsvpAgentActive\":false,\"rsvpAgentSipTrunk\":null},")
        .append("\"remoteClusters\":[{\"clusterId\":\"").append(otherClusterId)
        .append("\",\"fullyQualifiedName\":\"cucm-pub.").append(otherClusterId.toLowerCase())
        .append(".example.com\",\"description\":\"\",\"services\":{\"emcc\":true,\"pstnAccess\":true,")
        .append("\"rsvpAgent\":true,\"tftp\":false}}],")
        .append("\"deviceProfiles\":[{\"name\":\"UDP_alice\",\"productType\":\"Cisco 8865\",\"protocol\":\"sip\"}],")
        .append("\"endUsers\":[{\"userId\":\"alice\",\"primaryExtension\":\"1001\",\"pinHash\":\"")
        .append(PIN_HASH).append("\",\"enableExtensionMobilityCrossCluster\":true,")
        .append("\"controlledProfiles\":[\"UDP_alice\"]},")
        .append("{\"userId\":\"bob\",\"primaryExtension\":\"1002\",\"pinHash\":\"").append(PIN_HASH)
        .append("\",\"enableExtensionMobilityCrossCluster\":false,\"controlledProfiles\":[\"UDP_alice\"]}],")
        .append("\"phones\":[");
    for (int i = 0; i < phones; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(phone(clusterId, i));
    }
    sb.append("]}");
    try {
      return WorkspaceFormat.readCluster(sb.toString().getBytes(StandardCharsets.UTF_8), "fixture");
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String phoneName(String clusterId, int i) {
    return String.format("SEP%s%08X", clusterId.substring(0, 2).toUpperCase(), i);
  }

  public static String phone(String clusterId, int i) {
    return "{\"name\":\"" + phoneName(clusterId, i) + "\",\"description\":\"phone " + i + "\",\"model\":\"Cisco 8865\","
        + "\"protocol\":\"sip\",\"enableExtensionMobility\":true,\"subscribedServices\":[\"Extension Mobility\"],"
        + "\"deviceSecurityMode\":\"nonSecure\",\"devicePool\":\"DP_" + clusterId + "\",\"geolocation\":null,"
        + "\"address\":\"10.1." + (i / 250) + "." + (i % 250) + "\"}";
  }

  /** PBKDF2 of "12345" with a cheap iteration count, so tests stay fast. */
  public static final String PIN_HASH = dev.emcc.model.PinHash.hash("12345", 1000);

  /**
   * Gives a node's cluster an application user (the EM API's {@code <appInfo>}), written straight
   * into its state as the cluster document's {@code applicationUsers} would hold it.
   */
  public static void appUser(RunningNode node, String userId, String password, String... roles) throws Exception {
    ClusterState state = node.server().state();
    com.fasterxml.jackson.databind.node.ObjectNode v = dev.emcc.format.Json.mapper().createObjectNode();
    v.put("userId", userId);
    v.put("passwordHash", dev.emcc.model.PinHash.hash(password, 1000));
    v.putArray("roles").addAll(java.util.Arrays.stream(roles).map(v::textNode).toList());
    ObjectKey key = new ObjectKey(ApplicationUserCheck.COLLECTION, userId);
    long base = state.get(key).map(StoredObject::revision).orElse(0L);
    state.apply(state.clusterId(), java.util.List.of(new ClusterState.Change(key, base, v)));
  }

  /** The demo's EM API user on a node: emapi / emapi-demo with both roles. */
  public static void emapiUser(RunningNode node) throws Exception {
    appUser(node, "emapi", "emapi-demo", dev.emcc.model.ApplicationUser.EM_PROXY_RIGHTS,
        dev.emcc.model.ApplicationUser.AXL_API_ACCESS);
  }
}
