package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeException;
import dev.emcc.sync.NodeRef;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.WirePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeServerTest {
  @TempDir
  Path dir;
  RunningNode node;
  NodeClient client;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir, Fixtures.cluster("TOKYO", "OSAKA", 5), 256 * 1024);
    client = TestNodes.client(node);
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", "application/json");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode tree(NodeClient.Response r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void identityIsCreatedOnceWithOwnerOnlyFiles() throws Exception {
    assertThat(node.identity().created()).isTrue();
    for (String f : new String[] {NodeIdentity.KEYSTORE_FILE, NodeIdentity.TOKEN_FILE}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).isEqualTo("rw-------");
    }
    String token = node.identity().token();
    String fingerprint = node.identity().fingerprint();
    assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
    node.close();
    node = TestNodes.start(dir, null);
    assertThat(node.identity().created()).isFalse();
    assertThat(node.identity().token()).isEqualTo(token);
    assertThat(node.identity().fingerprint()).isEqualTo(fingerprint);
    // the cluster survived the restart, from the SQLite store
    assertThat(node.server().state().clusterId()).isEqualTo("TOKYO");
    assertThat(node.server().state().cluster().phones()).hasSize(5);
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    NodeClient anonymous = new NodeClient(new NodeRef(client.node().url(), client.node().fingerprint(), "wrong", null));
    NodeClient.Health h = anonymous.health();
    assertThat(h.status()).isEqualTo("ok");
    assertThat(h.clusterId()).isEqualTo("TOKYO");
    assertThat(h.version()).isEqualTo("14.0");
    assertThat(h.revision()).isPositive();
  }

  @Test
  void everyOtherEndpointButTheEmApiNeedsTheToken() throws Exception {
    NodeClient wrong = new NodeClient(new NodeRef(client.node().url(), client.node().fingerprint(),
        client.node().token() + "x", null));
    for (String path : new String[] {"/api/v1/cluster", "/api/v1/cluster/objects", "/api/v1/cluster/phones/x"}) {
      NodeClient.Response r = wrong.send("GET", path, null, Map.of());
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(tree(r).get("error").asText()).contains("token");
    }
    assertThat(wrong.send("POST", "/emcc/intercluster", bytes("xml=x"), Map.of()).status()).isEqualTo(401);
    // the EM API authenticates in its XML (<appInfo>), not with the token: a wrong token changes nothing
    NodeClient.Response em = wrong.send("POST", "/emservice/EMServiceServlet", bytes("xml=x"), Map.of());
    assertThat(em.status()).isEqualTo(200);
    assertThat(em.text()).contains("code=\"1\"");
    assertThatThrownBy(wrong::objects).isInstanceOf(NodeException.class)
        .extracting(e -> ((NodeException) e).kind()).isEqualTo(NodeException.Kind.AUTH);
  }

  @Test
  void getClusterCarriesItsRevisionAsETag() throws Exception {
    NodeClient.Response r = client.send("GET", "/api/v1/cluster", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.etag()).isEqualTo("\"" + client.health().revision() + "\"");
    Cluster c = WorkspaceFormat.readCluster(r.body(), "answer");
    assertThat(c.clusterId()).isEqualTo("TOKYO");
    assertThat(c.phones()).hasSize(5);
    assertThat(c.endUsers()).extracting(u -> u.userId()).containsExactly("alice", "bob");
  }

  @Test
  void putClusterReplacesWhenIfMatchIsCurrentAnd412WhenStale() throws Exception {
    long rev = client.health().revision();
    Cluster next = Fixtures.cluster("TOKYO", "OSAKA", 3);
    byte[] body = WorkspaceFormat.toBytes(next);
    NodeClient.Response stale = client.send("PUT", "/api/v1/cluster", body, Map.of("If-Match", "\"" + (rev - 1) + "\""));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(tree(stale).get("revision").asLong()).isEqualTo(rev);
    assertThat(client.send("PUT", "/api/v1/cluster", body, Map.of()).status()).isEqualTo(428);
    NodeClient.Response ok = client.send("PUT", "/api/v1/cluster", body, Map.of("If-Match", "\"" + rev + "\""));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(node.server().state().cluster().phones()).hasSize(3);
    assertThat(client.send("PUT", "/api/v1/cluster", WorkspaceFormat.toBytes(next.withClusterId("OSAKA")),
        Map.of("If-Match", ok.etag())).status()).isEqualTo(409);
  }

  @Test
  void objectsHaveTheirOwnRevisions() throws Exception {
    String name = Fixtures.phoneName("TOKYO", 1);
    NodeClient.Response got = client.send("GET", "/api/v1/cluster/phones/" + name, null, Map.of());
    assertThat(got.status()).isEqualTo(200);
    String changed = Fixtures.phone("TOKYO", 1).replace("phone 1", "lobby");
    NodeClient.Response put = client.send("PUT", "/api/v1/cluster/phones/" + name, bytes(changed),
        Map.of("If-Match", got.etag()));
    assertThat(put.status()).isEqualTo(200);
    assertThat(client.send("GET", "/api/v1/cluster/phones/" + name, null, Map.of()).text()).contains("lobby");
    // based on the old revision: refused, nothing changed
    NodeClient.Response stale = client.send("PUT", "/api/v1/cluster/phones/" + name,
        bytes(changed.replace("lobby", "hall")), Map.of("If-Match", got.etag()));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(client.send("GET", "/api/v1/cluster/phones/" + name, null, Map.of()).text()).contains("lobby");
    // create with If-Match "0", delete with the current revision
    String fresh = Fixtures.phone("TOKYO", 99);
    String freshName = Fixtures.phoneName("TOKYO", 99);
    NodeClient.Response created = client.send("PUT", "/api/v1/cluster/phones/" + freshName, bytes(fresh),
        Map.of("If-Match", "\"0\""));
    assertThat(created.status()).isEqualTo(201);
    assertThat(client.send("PUT", "/api/v1/cluster/phones/" + freshName, bytes(fresh), Map.of("If-Match", "\"0\""))
        .status()).isEqualTo(412);
    assertThat(client.send("DELETE", "/api/v1/cluster/phones/" + freshName, null, Map.of("If-Match", created.etag()))
        .status()).isEqualTo(200);
    assertThat(client.send("GET", "/api/v1/cluster/phones/" + freshName, null, Map.of()).status()).isEqualTo(404);
    assertThat(client.send("DELETE", "/api/v1/cluster/phones/" + freshName, null, Map.of("If-Match", "\"1\""))
        .status()).isEqualTo(404);
    // settings are objects too, and cannot be deleted
    NodeClient.Response ts = client.send("GET", "/api/v1/cluster/settings/trustStores", null, Map.of());
    assertThat(ts.status()).isEqualTo(200);
    assertThat(client.send("DELETE", "/api/v1/cluster/settings/trustStores", null, Map.of("If-Match", ts.etag()))
        .status()).isEqualTo(400);
  }

  @Test
  void theListingSinceARevisionCarriesOnlyNewerValues() throws Exception {
    NodeClient.RemoteObjects all = client.objects();
    String name = Fixtures.phoneName("TOKYO", 3);
    NodeClient.Response got = client.send("GET", "/api/v1/cluster/phones/" + name, null, Map.of());
    client.send("PUT", "/api/v1/cluster/phones/" + name, bytes(got.text().replace("phone 3", "newer")),
        Map.of("If-Match", got.etag()));
    NodeClient.RemoteObjects since = client.objects(all.revision());
    assertThat(since.objects().keySet()).isEqualTo(all.objects().keySet());
    assertThat(since.objects().entrySet()).filteredOn(e -> e.getValue().value() != null)
        .extracting(e -> e.getKey().name()).containsExactly(name);
    assertThat(client.object(new ObjectKey("phones", name)).orElseThrow().revision()).isEqualTo(since.revision());
    assertThat(client.object(new ObjectKey("phones", "SEPNONE"))).isEmpty();
  }

  @Test
  void badJsonIs400WithPathLineAndColumn() throws Exception {
    String name = Fixtures.phoneName("TOKYO", 1);
    String bad = "{\n  \"name\": \"" + name + "\",\n  \"modle\": \"Cisco 8865\"\n}";
    NodeClient.Response r = client.send("PUT", "/api/v1/cluster/phones/" + name, bytes(bad), Map.of("If-Match", "\"0\""));
    assertThat(r.status()).isEqualTo(400);
    JsonNode e = tree(r);
    assertThat(e.get("error").asText()).contains("unknown key \"modle\"");
    assertThat(e.get("path").asText()).isEqualTo("$.modle");
    assertThat(e.get("line").asInt()).isBetween(3, 4);
    assertThat(e.get("column").asInt()).isPositive();
    NodeClient.Response enumBad = client.send("PUT", "/api/v1/cluster/phones/" + name,
        bytes(Fixtures.phone("TOKYO", 1).replace("\"sip\"", "\"h323\"")), Map.of("If-Match", "\"1\""));
    assertThat(enumBad.status()).isEqualTo(400);
    assertThat(tree(enumBad).get("path").asText()).isEqualTo("$.protocol");
    NodeClient.Response wrongName = client.send("PUT", "/api/v1/cluster/phones/OTHER",
        bytes(Fixtures.phone("TOKYO", 1)), Map.of("If-Match", "\"0\""));
    assertThat(wrongName.status()).isEqualTo(400);
    assertThat(tree(wrongName).get("path").asText()).isEqualTo("$.name");
    NodeClient.Response syntax = client.send("PUT", "/api/v1/cluster", bytes("{\"clusterId\": \"TOKYO\",,}"),
        Map.of("If-Match", "\"1\""));
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(tree(syntax).get("line").asInt()).isEqualTo(1);
  }

  @Test
  void batchIsAllOrNothing() throws Exception {
    NodeClient.RemoteObjects before = client.objects();
    ObjectKey p1 = new ObjectKey("phones", Fixtures.phoneName("TOKYO", 1));
    ObjectKey p2 = new ObjectKey("phones", Fixtures.phoneName("TOKYO", 2));
    JsonNode v1 = Json.mapper().readTree(Fixtures.phone("TOKYO", 1).replace("phone 1", "changed"));
    JsonNode v2 = Json.mapper().readTree(Fixtures.phone("TOKYO", 2).replace("phone 2", "changed"));
    long r1 = before.objects().get(p1).revision();
    // the second change is based on a wrong revision: neither is applied
    assertThatThrownBy(() -> client.applyChanges("TOKYO", java.util.List.of(
        new NodeClient.ObjectChange(p1, r1, v1), new NodeClient.ObjectChange(p2, r1 + 100, v2))))
        .isInstanceOf(NodeException.class).extracting(e -> ((NodeException) e).status()).isEqualTo(412);
    assertThat(client.objects().objects()).isEqualTo(before.objects());
    // a bad value in the 2nd change: 400 with its path, and again nothing applied
    byte[] body = NodeClient.batchBody("TOKYO", java.util.List.of(new NodeClient.ObjectChange(p1, r1, v1),
        new NodeClient.ObjectChange(p2, r1, Json.mapper().readTree(Fixtures.phone("TOKYO", 2).replace("\"sip\"", "1")))));
    NodeClient.Response bad = client.send("POST", "/api/v1/cluster/changes", body, json());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(tree(bad).get("path").asText()).isEqualTo("$.changes[1].value.protocol");
    assertThat(client.objects().objects()).isEqualTo(before.objects());
    // both right: both applied in one revision
    NodeClient.BatchResult ok = client.applyChanges("TOKYO", java.util.List.of(
        new NodeClient.ObjectChange(p1, r1, v1), new NodeClient.ObjectChange(p2, before.objects().get(p2).revision(), v2),
        new NodeClient.ObjectChange(new ObjectKey("phones", Fixtures.phoneName("TOKYO", 3)),
            before.objects().get(new ObjectKey("phones", Fixtures.phoneName("TOKYO", 3))).revision(), null)));
    assertThat(ok.revisions()).containsEntry(p1, ok.revision()).containsEntry(p2, ok.revision());
    Cluster after = node.server().state().cluster();
    assertThat(after.phones()).hasSize(4);
    assertThat(after.phone(p1.name()).orElseThrow().description()).isEqualTo("changed");
  }

  @Test
  void wrongMethodsAndPathsAnd413() throws Exception {
    NodeClient.Response wrongMethod = client.send("DELETE", "/api/v1/cluster", null, Map.of());
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(tree(wrongMethod).get("allow").asText()).isEqualTo("GET, PUT");
    assertThat(client.send("POST", "/api/v1/health", null, Map.of()).status()).isEqualTo(405);
    assertThat(client.send("GET", "/api/v1/cluster/changes", null, Map.of()).status()).isEqualTo(405);
    assertThat(client.send("GET", "/emservice/EMServiceServlet", null, Map.of()).status()).isEqualTo(405);
    assertThat(client.send("GET", "/api/v1/nothing", null, Map.of()).status()).isEqualTo(404);
    assertThat(client.send("GET", "/api/v1/cluster/objects?since=x", null, Map.of()).status()).isEqualTo(400);
    assertThat(client.send("GET", "/api/v1/cluster/objects?limit=3", null, Map.of()).status()).isEqualTo(400);
    assertThat(client.send("GET", "/api/v1/cluster/cars/x", null, Map.of()).status()).isEqualTo(404);
    assertThat(client.send("GET", "/api/v1/cluster/settings/colour", null, Map.of()).status()).isEqualTo(404);
    assertThat(client.send("GET", "/", null, Map.of()).status()).isEqualTo(404);
    byte[] big = new byte[300 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    NodeClient.Response tooBig = client.send("POST", "/api/v1/cluster/changes", big, json());
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(client.health().status()).isEqualTo("ok");
  }

  @Test
  void aPlainHttpPortServesTheEmServiceAndNeverTheRestApi() throws Exception {
    node.close();
    node = RunningNode.start(dir, new Listeners("127.0.0.1", 0, 0), ServerLimits.DEFAULTS, null, new TestNodes.Log());
    assertThat(node.httpPort()).isPositive().isNotEqualTo(node.port());
    java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + node.httpPort();
    Fixtures.emapiUser(node);
    var em = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + WirePaths.EMSERVICE))
        .header("Content-Type", "text/xml")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(EmXml.query(EmXml.appInfo("emapi", "emapi-demo"),
            "userDevicesQuery", "alice"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(em.statusCode()).isEqualTo(200);
    assertThat(em.body()).contains("<user id=\"alice\"><none/></user>");
    var ours = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + WirePaths.INTERCLUSTER))
        .header("Authorization", "Bearer " + node.identity().token())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(EmXml.remoteClusterQuery("OSAKA", "TOKYO"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(ours.statusCode()).isEqualTo(403);
    assertThat(ours.body()).contains("HTTPS only");
    for (String path : new String[] {"/api/v1/health", "/api/v1/cluster"}) {
      var api = plain.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
          .header("Authorization", "Bearer " + node.identity().token()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(api.statusCode()).as(path).isEqualTo(403);
      assertThat(tree(new NodeClient.Response(403, bytes(api.body()), null)).path("error").asText()).contains("HTTPS only");
    }
    // and over TLS the same node answers as ever
    assertThat(TestNodes.client(node).health().status()).isEqualTo("ok");
  }
}
