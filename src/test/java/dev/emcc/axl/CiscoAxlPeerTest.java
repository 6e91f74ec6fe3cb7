package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.node.EmService;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ObjectKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party AXL client against the node: the ciscoaxl library (peers/ciscoaxl, with Cisco's
 * 12.5 WSDL) run by the system Python as its users run it, trusting the node's certificate through
 * REQUESTS_CA_BUNDLE, signed in as the demo's application user with the AXL role (emapi). After
 * each write the test reads the node's store.
 */
class CiscoAxlPeerTest {
  @TempDir
  Path dir;

  private Process python;
  private BufferedReader out;
  private Writer in;

  @Test
  void ciscoaxlListsReadsAndWritesTheNodesEmccConfiguration() throws Exception {
    requirePython();
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    try (RunningNode node = TestNodes.start(dir.resolve("node"), tokyo)) {
      start(node);
      assertEquals(List.of("alice", "bob", "hsuzuki", "ktanaka", "tsato", "ywatanabe"), strings(ask("users")));
      assertEquals(6, ask("phones").size());
      assertTrue(strings(ask("device_profiles")).contains("UDP_alice_8865"));
      assertEquals(List.of("DP_TOKYO", "DP_TOKYO_ROAMING_OSAKA").size(), ask("device_pools").size());
      assertEquals(1, ask("sip_trunks").size());

      JsonNode user = ask("get_user alice");
      assertEquals("Alice", user.get("firstName").asText());
      assertEquals("1001", user.path("primaryExtension").path("pattern").asText());
      ask("update_user_first_name alice Arisu");
      assertEquals("Arisu", stored(node, "endUsers", "alice").get("firstName").asText());

      JsonNode remote = ask("get_remote_cluster " + DemoWorkspace.OSAKA);
      assertEquals("true", remote.path("emcc").path("enabled").asText());
      assertEquals("false", remote.path("tftp").path("enabled").asText());
      ask("enable_remote_tftp " + DemoWorkspace.OSAKA + " true");
      assertTrue(stored(node, "remoteClusters", DemoWorkspace.OSAKA).path("services").path("tftp").asBoolean());

      String interval = AxlMapping.get().featureParameters().get("remoteClusterUpdateIntervalMinutes");
      assertEquals("30", ask("get_feature " + interval).get("value").asText());
      ask("update_feature " + interval + " 60");
      assertEquals(60, stored(node, "settings", "emccFeatureConfig").get("remoteClusterUpdateIntervalMinutes").asInt());

      assertEquals("true", ask("get_profile RSVP Agent").get("isActivated").asText());
      ask("deactivate_profile RSVP Agent");
      assertFalse(stored(node, "settings", "interclusterServiceProfile").get("rsvpAgentActive").asBoolean());

      // executeSQLQuery: the console's query answered in rows, any other SQL a fault
      JsonNode devices = ask("sql " + AxlMapping.get().query("emccDevices").sql());
      assertEquals(tokyo.emccDevices().names().size(), devices.size());
      assertEquals(tokyo.emccTemplates().get(0).devicePool(), devices.get(0).get("devicepool").asText());
      in.write("sql SELECT name FROM enduser\n");
      in.flush();
      assertTrue(line().path("error").asText().contains("answers only the SQL queries EMCC Console sends"));

      String publisher = tokyo.publisher().orElseThrow().name();
      String service = AxlMapping.get().serviceParameters().service();
      String concurrent = AxlMapping.get().serviceParameters().names().get("maximumConcurrentRequests");
      assertEquals("5", ask("get_service_parameter " + publisher + " " + concurrent + " " + service).get("value")
          .asText());
      ask("update_service_parameter " + publisher + " " + concurrent + " 8 " + service);
      assertEquals(8, stored(node, "settings", "emServiceParameters").get("maximumConcurrentRequests").asInt());

      String phone = tokyo.phones().get(1).name();
      ask("login " + phone + " bob UDP_bob_8845");
      assertEquals("bob", node.server().emService().session(phone).map(EmService.Session::userId).orElse(null),
          "bob is logged in on " + phone);
    } finally {
      stop();
    }
  }

  static void requirePython() {
    Path python3 = Path.of("/usr/bin/python3");
    String hint = "this test runs the ciscoaxl peer with the system Python and Debian's python3-zeep, "
        + "python3-requests and python3-termcolor (.ci/run installs them: apt-get install python3-zeep "
        + "python3-requests python3-termcolor)";
    if (!Files.isExecutable(python3)) {
      throw new AssertionError("/usr/bin/python3 is missing: " + hint);
    }
    try {
      Process p = new ProcessBuilder(python3.toString(), "-c", "import zeep, requests, termcolor")
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("a module is missing (" + text.strip() + "): " + hint);
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError("cannot run /usr/bin/python3: " + hint, e);
    }
  }

  private void start(RunningNode node) throws Exception {
    Path pem = dir.resolve("node.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(node.identity().certificate().getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    Path script = dir.resolve("ciscoaxl_session.py");
    try (var s = CiscoAxlPeerTest.class.getResourceAsStream("ciscoaxl_session.py")) {
      Files.write(script, s.readAllBytes());
    }
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(),
        DemoWorkspace.EM_API_USER, DemoWorkspace.EM_API_PASSWORD, "127.0.0.1", "12.5", Integer.toString(node.port()));
    pb.environment().put("PYTHONPATH", Peers.dir().resolve("ciscoaxl").toString());
    pb.environment().put("REQUESTS_CA_BUNDLE", pem.toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // zeep's WSDL cache
    pb.environment().put("HOME", dir.toString());
    pb.redirectError(dir.resolve("python.err").toFile());
    python = pb.start();
    out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
    in = new java.io.OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8);
    JsonNode ready = line();
    assertTrue(ready.path("ready").asBoolean(), ready::toString);
  }

  private JsonNode ask(String command) throws Exception {
    in.write(command + "\n");
    in.flush();
    JsonNode answer = line();
    assertFalse(answer.has("error"), () -> command + ": " + answer.get("error").asText());
    return answer.get("ok");
  }

  private JsonNode line() throws Exception {
    String l = out.readLine();
    if (l == null) {
      throw new AssertionError("the ciscoaxl session ended: " + Files.readString(dir.resolve("python.err")));
    }
    return Json.mapper().readTree(l);
  }

  private static List<String> strings(JsonNode array) {
    List<String> s = new java.util.ArrayList<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }

  private static JsonNode stored(RunningNode node, String collection, String name) {
    return node.server().state().get(new ObjectKey(collection, name)).orElseThrow().value();
  }

  private void stop() throws Exception {
    if (python != null) {
      python.getOutputStream().close();
      if (!python.waitFor(30, TimeUnit.SECONDS)) {
        python.destroyForcibly();
      }
    }
  }
}
