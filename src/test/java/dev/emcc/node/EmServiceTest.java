package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.sync.NodeClient;
import dev.emcc.wire.WirePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This product's cluster-to-cluster messages over the wire, on their own path with the API token
 * (the EM API is {@link EmApiTest}).
 */
class EmServiceTest {
  @TempDir
  Path dir;
  RunningNode tokyo;
  NodeClient client;

  @BeforeEach
  void start() throws Exception {
    tokyo = TestNodes.start(dir.resolve("node"), Fixtures.cluster("TOKYO", "OSAKA", 3));
    client = TestNodes.client(tokyo);
  }

  @AfterEach
  void stop() throws Exception {
    tokyo.close();
  }

  EmXml.Answer ask(String xml) throws Exception {
    NodeClient.Response r = client.intercluster(xml);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return EmXml.readAnswer(r.text());
  }

  @Test
  void aVisitingClusterFindsTheUsersHomeAndLearnsTheServices() throws Exception {
    EmXml.Answer home = ask(EmXml.homeClusterQuery("OSAKA", "alice", null, "12345"));
    assertThat(home.success()).isTrue();
    assertThat(home.document().getTagName()).isEqualTo("response");
    var results = EmXml.child(home.document(), "homeClusterResults");
    assertThat(results.getAttribute("clusterId")).isEqualTo("TOKYO");
    assertThat(results.getAttribute("version")).isEqualTo("14.0");
    assertThat(results.getElementsByTagName("deviceProfile").item(0).getTextContent()).isEqualTo("UDP_alice");
    assertThat(ask(EmXml.homeClusterQuery("OSAKA", "1001", "DN", null)).success()).isTrue();
    assertThat(ask(EmXml.homeClusterQuery("OSAKA", "carol", null, null)).code()).isEqualTo(EmService.USER_DOES_NOT_EXIST);
    assertThat(ask(EmXml.homeClusterQuery("NAGOYA", "alice", null, null)).code())
        .isEqualTo(EmService.VISITING_CLUSTER_UNKNOWN);
    assertThat(ask(EmXml.homeClusterQuery("OSAKA", "bob", null, null)).code())
        .isEqualTo(EmService.EMCC_NOT_ACTIVE_FOR_USER);
    assertThat(ask(EmXml.homeClusterQuery("OSAKA", "alice", null, "00000")).code()).isEqualTo(EmService.AUTHENTICATION);

    EmXml.Answer update = ask(EmXml.remoteClusterQuery("OSAKA", "TOKYO"));
    var services = EmXml.child(update.document(), "remoteClusterResults").getElementsByTagName("service");
    Map<String, String> activated = new java.util.HashMap<>();
    for (int i = 0; i < services.getLength(); i++) {
      var s = (org.w3c.dom.Element) services.item(i);
      activated.put(s.getAttribute("name"), s.getAttribute("activated"));
    }
    // emcc and PSTN access on in the profile; the RSVP agent off in the profile; TFTP off for EMCC
    assertThat(activated).containsEntry("emcc", "true").containsEntry("pstnAccess", "true")
        .containsEntry("rsvpAgent", "false").containsEntry("tftp", "false")
        .containsEntry("lbm", "false").containsEntry("uds", "false");
    assertThat(ask(EmXml.remoteClusterQuery("OSAKA", "KYOTO")).code()).isEqualTo(EmService.INVALID_CLUSTER_ID);
    assertThat(ask(EmXml.remoteClusterQuery("NAGOYA", "TOKYO")).code()).isEqualTo(EmService.VISITING_CLUSTER_UNKNOWN);
  }

  @Test
  void badXmlIsAParseErrorAndExternalEntitiesAreNeverRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<query><homeClusterQuery><visitingClusterId>&x;</visitingClusterId></homeClusterQuery></query>";
    NodeClient.Response r = client.intercluster(xxe);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text()).contains("code=\"1\"").doesNotContain("TOP-SECRET");
    NodeClient.Response broken = client.intercluster("<query><homeClusterQuery>");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(EmXml.readAnswer(broken.text()).code()).isEqualTo(EmService.PARSE_ERROR);
    NodeClient.Response unknown = client.intercluster("<query><whoKnows/></query>");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(EmXml.readAnswer(unknown.text()).code()).isEqualTo(EmService.QUERY_TYPE_UNDETERMINED);
    NodeClient.Response noField = client.send("POST", WirePaths.INTERCLUSTER,
        "other=1".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(noField.status()).isEqualTo(400);
    // the messages are ours: the EM API path does not know them, and they want the token
    EmXml.Answer onEmApi = EmXml.readAnswer(client.emService(EmXml.remoteClusterQuery("OSAKA", "TOKYO")).text());
    assertThat(onEmApi.code()).isEqualTo(EmService.QUERY_TYPE_UNDETERMINED);
    NodeClient wrong = new NodeClient(new dev.emcc.sync.NodeRef(client.node().url(), client.node().fingerprint(),
        "nope", null));
    assertThat(wrong.intercluster(EmXml.remoteClusterQuery("OSAKA", "TOKYO")).status()).isEqualTo(401);
    assertThat(client.health().status()).isEqualTo("ok");
  }
}
