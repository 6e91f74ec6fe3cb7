package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeRef;
import dev.emcc.wire.ObjectKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 malformed requests, made by seeded random mutations of valid bodies (each mutation is one
 * that no strict reader may accept), plus broken headers, paths and methods: every answer is a
 * 4xx, the node stays healthy and its cluster is exactly as before.
 */
class MalformedRequestsTest {
  static final int REQUESTS = 1000;

  @TempDir
  Path dir;

  /** A token of the valid body: where it starts and ends (char offsets; the bodies are ASCII). */
  record Span(JsonToken token, int start, int end) {}

  static List<Span> spans(String json) throws Exception {
    List<Span> out = new ArrayList<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int start = (int) p.currentTokenLocation().getCharOffset();
        int end = (int) p.currentLocation().getCharOffset();
        out.add(new Span(t, start, end));
      }
    }
    return out;
  }

  static String mutate(String body, List<Span> spans, Random rnd, int op) {
    switch (op) {
      case 0 -> { // truncated
        return body.substring(0, 1 + rnd.nextInt(body.length() - 1));
      }
      case 1 -> { // an unknown key in a random object
        Span s = pick(spans, JsonToken.START_OBJECT, rnd);
        return body.substring(0, s.end()) + "\"zzUnknown" + rnd.nextInt(1000) + "\":1," + body.substring(s.end());
      }
      case 2 -> { // a string value of the wrong type
        Span s = pick(spans, JsonToken.VALUE_STRING, rnd);
        String[] wrong = {"123", "{}", "[1]", "true", "-7.5"};
        return body.substring(0, s.start()) + wrong[rnd.nextInt(wrong.length)] + body.substring(s.end());
      }
      case 3 -> { // broken structure after an opening bracket
        Span s = rnd.nextBoolean() ? pick(spans, JsonToken.START_OBJECT, rnd) : pick(spans, JsonToken.START_ARRAY, rnd);
        String[] junk = {",", "@", ":", "}", "]", "\u0001"};
        return body.substring(0, s.end()) + junk[rnd.nextInt(junk.length)] + body.substring(s.end());
      }
      case 4 -> { // a duplicated key
        Span name = pick(spans, JsonToken.FIELD_NAME, rnd);
        int i = spans.indexOf(name);
        Span value = spans.get(i + 1);
        int valueEnd = value.end();
        if (value.token() == JsonToken.START_OBJECT || value.token() == JsonToken.START_ARRAY) {
          int depth = 0;
          for (int j = i + 1; j < spans.size(); j++) {
            JsonToken t = spans.get(j).token();
            depth += t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? 1
                : t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY ? -1 : 0;
            if (depth == 0) {
              valueEnd = spans.get(j).end();
              break;
            }
          }
        }
        String pair = body.substring(name.start(), valueEnd);
        return body.substring(0, name.start()) + pair + "," + body.substring(name.start());
      }
      default -> { // an enum value that does not exist
        String[] enums = {"\"sip\"", "\"nonSecure\""};
        String e = enums[rnd.nextInt(enums.length)];
        int at = body.indexOf(e);
        return body.substring(0, at) + e.replace("\"s", "\"x").replace("\"n", "\"N") + body.substring(at + e.length());
      }
    }
  }

  static Span pick(List<Span> spans, JsonToken kind, Random rnd) {
    List<Span> of = spans.stream().filter(s -> s.token() == kind).toList();
    return of.get(rnd.nextInt(of.size()));
  }

  @Test
  void everyMalformedRequestGetsA4xxAndChangesNothing() throws Exception {
    TestNodes.Log log = new TestNodes.Log();
    try (RunningNode node = RunningNode.start(dir, "127.0.0.1", 0, 64 * 1024, Fixtures.cluster("TOKYO", "OSAKA", 8), log)) {
      NodeClient client = TestNodes.client(node);
      NodeClient.RemoteObjects before = client.objects();
      String rev = "\"" + before.revision() + "\"";

      // the valid bodies the mutations start from
      List<NodeClient.ObjectChange> changes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ObjectKey k = new ObjectKey("phones", Fixtures.phoneName("TOKYO", i));
        JsonNode v = Json.mapper().readTree(Fixtures.phone("TOKYO", i).replace("phone " + i, "fuzzed"));
        changes.add(new NodeClient.ObjectChange(k, before.objects().get(k).revision(), v));
      }
      String batch = new String(NodeClient.batchBody("TOKYO", changes), StandardCharsets.UTF_8);
      String phoneName = Fixtures.phoneName("TOKYO", 5);
      String phone = Fixtures.phone("TOKYO", 5).replace("phone 5", "fuzzed");
      String phoneRev = "\"" + before.objects().get(new ObjectKey("phones", phoneName)).revision() + "\"";
      String cluster = new String(WorkspaceFormat.toBytes(Fixtures.cluster("TOKYO", "OSAKA", 2)), StandardCharsets.UTF_8)
          .replaceAll("\\s*\n\\s*", "");
      Map<String, List<Span>> spans = new HashMap<>();
      for (String b : List.of(batch, phone, cluster)) {
        spans.put(b, spans(b));
      }
      NodeClient wrongToken = new NodeClient(new NodeRef(client.node().url(), client.node().fingerprint(), "nope", null));

      Random rnd = new Random(20261124L);
      Map<Integer, Integer> statuses = new HashMap<>();
      for (int n = 0; n < REQUESTS; n++) {
        int kind = rnd.nextInt(10);
        NodeClient.Response r;
        if (kind < 7) {
          String base = kind < 3 ? batch : kind < 5 ? phone : cluster;
          String body = mutate(base, spans.get(base), rnd, rnd.nextInt(6));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          Map<String, String> json = Map.of("Content-Type", "application/json");
          if (base == batch) {
            r = client.send("POST", "/api/v1/cluster/changes", bytes, json);
          } else if (base == phone) {
            r = client.send("PUT", "/api/v1/cluster/phones/" + phoneName, bytes, Map.of("If-Match", phoneRev));
          } else {
            r = client.send("PUT", "/api/v1/cluster", bytes, Map.of("If-Match", rev));
          }
        } else if (kind == 7) { // broken headers
          String[] ifMatch = {"abc", "\"-1\"", "\"\"", "W/\"x\""};
          r = client.send("PUT", "/api/v1/cluster/phones/" + phoneName, phone.getBytes(StandardCharsets.UTF_8),
              rnd.nextBoolean() ? Map.of("If-Match", ifMatch[rnd.nextInt(ifMatch.length)]) : Map.of());
        } else if (kind == 8) { // wrong paths, methods and token
          String[][] calls = {{"GET", "/api/v1/cluster/nope/x"}, {"PATCH", "/api/v1/cluster"},
              {"DELETE", "/api/v1/cluster/changes"}, {"GET", "/api/v2/cluster"}, {"GET", "/api/v1/cluster/phones/"}};
          String[] c = calls[rnd.nextInt(calls.length)];
          r = (rnd.nextInt(4) == 0 ? wrongToken : client).send(c[0], c[1], null, Map.of());
        } else { // over the body limit
          String padded = batch.substring(0, batch.length() - 1) + " ".repeat(70 * 1024) + "}";
          r = client.send("POST", "/api/v1/cluster/changes", padded.getBytes(StandardCharsets.UTF_8), Map.of());
        }
        assertThat(r.status()).as("request %d: %s", n, r.text()).isBetween(400, 499);
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
        statuses.merge(r.status(), 1, Integer::sum);
      }
      assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
      assertThat(statuses).containsKeys(400, 401, 404, 405, 413, 428);
      assertThat(client.health().status()).isEqualTo("ok");
      assertThat(client.objects()).isEqualTo(before);
      assertThat(log.lines).noneMatch(l -> l.startsWith("ERROR"));
    }
  }
}
