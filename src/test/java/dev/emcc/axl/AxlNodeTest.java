package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.Cluster;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's AXL service, driven by our client over real HTTPS, every message checked against Cisco's schema. */
class AxlNodeTest {
  static final String USER = "axladmin";
  static final String PASSWORD = "s3cret-axl";

  @TempDir
  Path dir;

  RunningNode node;
  AxlSchema.Validating wire = new AxlSchema.Validating();
  AxlClient client;

  @BeforeEach
  void start() throws Exception {
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    node = TestNodes.start(dir, tokyo);
    Fixtures.appUser(node, USER, PASSWORD, ApplicationUser.AXL_API_ACCESS);
    client = client(PASSWORD).wire(wire);
  }

  AxlClient client(String password) {
    return client(USER, password);
  }

  AxlClient client(String user, String password) {
    return new AxlClient(new AxlClient.Target("127.0.0.1", node.port(), user, password, AxlVersion.DEFAULT,
        node.identity().fingerprint()), new AxlClient.BackOff(java.time.Duration.ofMillis(50),
        java.time.Duration.ofMillis(400), 40));
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  private void assertSchemaClean() {
    assertTrue(wire.failures.isEmpty(), () -> String.join("\n\n", wire.failures));
  }

  @Test
  void versionAndEveryObjectOfTheDemoListAndGetWithinCiscosSchema() throws Exception {
    client.probe();
    XmlTree v = client.call(new XmlTree("getCCMVersion"));
    assertEquals("14.0", v.textAt("return/componentVersion/version"));
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    for (AxlKind kind : AxlKind.values()) {
      XmlTree list = new XmlTree(kind.operation("list"))
          .add(new XmlTree("searchCriteria").add(kind.identity(), "%"))
          .add(new XmlTree("returnedTags").add(kind.identity(), ""));
      XmlTree answer = client.call(list);
      List<String> names = new ArrayList<>();
      for (XmlTree e : answer.child("return").all(kind.element())) {
        names.add(e.textAt(kind.identity()));
        XmlTree got = client.call(new XmlTree(kind.operation("get")).add(kind.identity(), e.textAt(kind.identity())));
        ObjectNode read = AxlCodec.decode(kind, got.child("return").child(kind.element()), null);
        assertEquals(e.textAt(kind.identity()), read.path(kind.nameKey()).asText());
      }
      assertEquals(expectedCount(tokyo, kind), names.size(), kind.axlName());
    }
    assertSchemaClean();
    assertTrue(wire.exchanges() > 30);
  }

  private static int expectedCount(Cluster c, AxlKind kind) {
    JsonNode doc = Json.mapper().valueToTree(c);
    return doc.get(kind.collection()).size();
  }

  @Test
  void addUpdateRemoveReachTheStoreAndFaultsAreCiscosShape() throws Exception {
    ObjectNode phone = (ObjectNode) Json.mapper().valueToTree(
        DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow().phones().get(0));
    phone.put("name", "SEP112233445566");
    phone.put("description", "added over AXL");
    client.call(new XmlTree("addPhone").add(AxlCodec.encode(AxlKind.PHONE, phone, AxlCodec.Purpose.ADD, null)));
    JsonNode stored = node.server().state().get(new ObjectKey("phones", "SEP112233445566")).orElseThrow().value();
    assertEquals("added over AXL", stored.get("description").asText());
    assertEquals(phone.get("subscribedServices"), stored.get("subscribedServices"));

    phone.put("description", "changed over AXL");
    client.call(AxlCodec.encode(AxlKind.PHONE, phone, AxlCodec.Purpose.UPDATE, null));
    stored = node.server().state().get(new ObjectKey("phones", "SEP112233445566")).orElseThrow().value();
    assertEquals("changed over AXL", stored.get("description").asText());

    AxlException dup = assertThrows(AxlException.class, () -> client.call(
        new XmlTree("addPhone").add(AxlCodec.encode(AxlKind.PHONE, phone, AxlCodec.Purpose.ADD, null))));
    assertEquals(AxlFault.DUPLICATE, dup.fault().code());

    client.call(new XmlTree("removePhone").add("name", "SEP112233445566"));
    assertTrue(node.server().state().get(new ObjectKey("phones", "SEP112233445566")).isEmpty());
    AxlException missing = assertThrows(AxlException.class,
        () -> client.call(new XmlTree("getPhone").add("name", "SEP112233445566")));
    assertEquals(AxlFault.NOT_FOUND, missing.fault().code());
    assertEquals("getPhone", missing.fault().request());
    assertSchemaClean();
  }

  @Test
  void featureConfigurationProfileAndRemoteClusterUpdate() throws Exception {
    String parameter = AxlMapping.get().featureParameters().get("remoteClusterUpdateIntervalMinutes");
    XmlTree got = client.call(new XmlTree("getEmccFeatureConfig").add("parameterName", parameter));
    assertEquals("30", got.textAt("return/emccFeatureConfig/value"));
    client.call(new XmlTree("updateEmccFeatureConfig").add("parameterName", parameter).add("value", "45"));
    JsonNode config = node.server().state().get(new ObjectKey("settings", "emccFeatureConfig")).orElseThrow().value();
    assertEquals(45, config.get("remoteClusterUpdateIntervalMinutes").asInt());
    AxlException bad = assertThrows(AxlException.class, () -> client.call(
        new XmlTree("updateEmccFeatureConfig").add("parameterName", parameter).add("value", "soon")));
    assertTrue(bad.getMessage().contains("not a whole number"), bad.getMessage());

    XmlTree pstn = client.call(new XmlTree("getInterClusterServiceProfile").add("interClusterService", "PSTN Access"));
    assertEquals("true", pstn.textAt("return/interClusterServiceProfile/isActivated"));
    client.call(new XmlTree("updateInterClusterServiceProfile").add("interClusterService", "PSTN Access")
        .add("isActivated", "false"));
    JsonNode profile = node.server().state().get(new ObjectKey("settings", "interclusterServiceProfile"))
        .orElseThrow().value();
    assertFalse(profile.get("pstnAccessActive").asBoolean());

    XmlTree remote = client.call(new XmlTree("doUpdateRemoteCluster").add("server", "cucm-pub.tokyo.example.com")
        .add("clusterId", DemoWorkspace.OSAKA));
    assertEquals("true", remote.textAt("value"));
    assertSchemaClean();
  }

  @Test
  void wrongPasswordIs401AndAThrottledWriteIsSentAgainUntilItPasses() throws Exception {
    AxlException refused = assertThrows(AxlException.class, () -> client("wrong").call(new XmlTree("getCCMVersion")));
    assertEquals(AxlException.Kind.AUTHENTICATION, refused.kind());

    node.server().axlWritesPerSecond(10);
    String parameter = AxlMapping.get().featureParameters().get("rsvpSipTrunkKeepAliveSeconds");
    for (int i = 1; i <= 4; i++) {
      client.call(new XmlTree("updateEmccFeatureConfig").add("parameterName", parameter).add("value", "1" + i));
    }
    assertTrue(client.retries() > 0, "a write at 10/s was throttled at least once");
    JsonNode config = node.server().state().get(new ObjectKey("settings", "emccFeatureConfig")).orElseThrow().value();
    assertEquals(14, config.get("rsvpSipTrunkKeepAliveSeconds").asInt());
    assertSchemaClean();
  }

  @Test
  void theClustersApplicationUsersSignInAndOnlyThoseWithTheAxlRole() throws Exception {
    XmlTree version = new XmlTree("getCCMVersion");
    // the demo's application user holds both roles: AXL takes it as it is stored
    client(DemoWorkspace.EM_API_USER, DemoWorkspace.EM_API_PASSWORD).wire(wire).call(version);
    // right password, EM proxy rights only: 403, as CUCM refuses a user without Standard AXL API Access
    Fixtures.appUser(node, "emproxy", "proxy-only-1", ApplicationUser.EM_PROXY_RIGHTS);
    AxlException forbidden = assertThrows(AxlException.class, () -> client("emproxy", "proxy-only-1").call(version));
    assertEquals(AxlException.Kind.FORBIDDEN, forbidden.kind());
    // an end user is no application user, whatever its PIN
    AxlException endUser = assertThrows(AxlException.class, () -> client("alice", "12345").call(version));
    assertEquals(AxlException.Kind.AUTHENTICATION, endUser.kind());
    // the store decides at each request: the role given, then the password changed
    Fixtures.appUser(node, "emproxy", "proxy-only-1", ApplicationUser.EM_PROXY_RIGHTS, ApplicationUser.AXL_API_ACCESS);
    client("emproxy", "proxy-only-1").call(version);
    Fixtures.appUser(node, "emproxy", "changed-pw-2", ApplicationUser.AXL_API_ACCESS);
    AxlException old = assertThrows(AxlException.class, () -> client("emproxy", "proxy-only-1").call(version));
    assertEquals(AxlException.Kind.AUTHENTICATION, old.kind());
    client("emproxy", "changed-pw-2").call(version);
    assertSchemaClean();
  }

  @Test
  void aDoctypeOrADeepDocumentIsRefusedAsAFaultAndChangesNothing() throws Exception {
    String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<ns:getUser xmlns:ns=\"http://www.cisco.com/AXL/API/12.5\"><userid>&e;</userid></ns:getUser>"
        + "</soapenv:Body></soapenv:Envelope>";
    AxlClient plain = client(PASSWORD); // the schema's validator is not for hostile documents
    String answer = new String(plain.raw("getUser", doctype.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(answer.contains("<axlcode>") && answer.contains("DOCTYPE") && !answer.contains("root:"), answer);
    String deep = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<ns:addUser xmlns:ns=\"http://www.cisco.com/AXL/API/12.5\">" + "<a>".repeat(5000) + "</a>".repeat(5000)
        + "</ns:addUser></soapenv:Body></soapenv:Envelope>";
    long before = node.server().state().revision();
    String refused = new String(plain.raw("addUser", deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(refused.contains("nested deeper"), refused);
    assertEquals(before, node.server().state().revision());
  }
}
