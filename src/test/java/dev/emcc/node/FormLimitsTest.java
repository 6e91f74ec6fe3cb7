package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.sync.NodeClient;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node refuses what the console's forms refuse: every object it is sent keeps the schema's limits. */
class FormLimitsTest {
  @TempDir
  Path dir;
  RunningNode node;
  NodeClient client;

  @BeforeEach
  void start() throws Exception {
    node = TestNodes.start(dir, Fixtures.cluster("TOKYO", "OSAKA", 3));
    client = TestNodes.client(node);
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  private static JsonNode error(NodeClient.Response r) throws Exception {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void aPhoneNameLongerThanTheFormAllowsIsRefused() throws Exception {
    String name = "SEP00AABBCC01011";
    String phone = Fixtures.phone("TOKYO", 1).replace(Fixtures.phoneName("TOKYO", 1), name);
    NodeClient.Response r = client.send("PUT", "/api/v1/cluster/phones/" + name,
        phone.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"0\""));
    JsonNode e = error(r);
    assertThat(e.get("path").asText()).isEqualTo("$.name");
    assertThat(e.get("error").asText()).contains("Device Name \"" + name + "\" has 16 characters; at most 15 are allowed.");
    assertThat(client.objects().objects()).doesNotContainKey(new ObjectKey("phones", name));
  }

  @Test
  void aSettingOutOfItsRangeIsRefusedInABatch() throws Exception {
    NodeClient.RemoteObjects before = client.objects();
    ObjectKey settings = new ObjectKey(ClusterObjects.SETTINGS, "emccFeatureConfig");
    ObjectNode value = (ObjectNode) WorkspaceFormat.toTree(node.server().state().cluster().emccFeatureConfig());
    value.put("remoteClusterUpdateIntervalMinutes", 14);
    byte[] body = NodeClient.batchBody("TOKYO", List.of(new NodeClient.ObjectChange(settings,
        before.objects().get(settings).revision(), value)));
    JsonNode e = error(client.send("POST", "/api/v1/cluster/changes", body, Map.of("Content-Type", "application/json")));
    assertThat(e.get("path").asText()).isEqualTo("$.changes[0].value.remoteClusterUpdateIntervalMinutes");
    assertThat(e.get("error").asText()).contains("the valid range is 15 to 10080");
    assertThat(client.objects().objects()).isEqualTo(before.objects());
  }

  @Test
  void theClusterSettingsNeedTheirVersion() throws Exception {
    ObjectKey settings = new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS);
    long revision = client.objects().objects().get(settings).revision();
    NodeClient.Response r = client.send("PUT", "/api/v1/cluster/settings/cluster",
        "{\"version\": \" \", \"securityMode\": \"nonSecure\", \"maxPhones\": 60000}".getBytes(StandardCharsets.UTF_8),
        Map.of("If-Match", "\"" + revision + "\""));
    assertThat(error(r).get("path").asText()).isEqualTo("$.version");
  }

  @Test
  void aWholeClusterWithALineOfNoDirectoryNumberIsRefused() throws Exception {
    Cluster tokyo = node.server().state().cluster();
    ObjectNode doc = (ObjectNode) WorkspaceFormat.toTree(tokyo);
    ((ObjectNode) doc.get("deviceProfiles").get(0)).set("lines",
        Json.mapper().readTree("[{\"index\": 1, \"directoryNumber\": \"10O1\", \"partition\": null}]"));
    long revision = client.objects().revision();
    JsonNode e = error(client.send("PUT", "/api/v1/cluster", doc.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("If-Match", "\"" + revision + "\"")));
    assertThat(e.get("path").asText()).isEqualTo("$.deviceProfiles[0].lines[0].directoryNumber");
    assertThat(client.objects().revision()).isEqualTo(revision);
  }
}
