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
import org.w3c.dom.Element;

/**
 * 2,000 malformed requests, made by seeded random mutations of valid bodies (each mutation is one
 * that no strict reader may accept: broken structure, wrong types, invalid UTF-8, nesting, bad
 * escapes), of EMService documents, and of headers, paths and methods: every REST answer is a 4xx
 * in JSON, every EMService answer is EM API XML (a failure code, or 4xx when unreadable), no body
 * names a class or repeats a library's words, the node stays healthy and its cluster is exactly
 * as before.
 */
class MalformedRequestsTest {
  static final int REQUESTS = 2000;

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

  /** A byte-level mutation of a JSON body: bytes that are not UTF-8, deep nesting, bad escapes, huge numbers. */
  static byte[] mutateBytes(String body, List<Span> spans, Random rnd) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    switch (rnd.nextInt(5)) {
      case 0 -> { // bytes that start no UTF-8 character, inside a string or between tokens
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        Span s = pick(spans, rnd.nextBoolean() ? JsonToken.VALUE_STRING : JsonToken.FIELD_NAME, rnd);
        int at = s.start() + 1;
        byte[] ins = bad[rnd.nextInt(bad.length)];
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
      }
      case 1 -> { // a value wrapped in arrays, from a few to far too many
        Span s = pick(spans, JsonToken.VALUE_STRING, rnd);
        int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 70 : 20_000);
        return (body.substring(0, s.start()) + "[".repeat(depth) + body.substring(s.start(), s.end()) + "]".repeat(depth)
            + body.substring(s.end())).getBytes(StandardCharsets.UTF_8);
      }
      case 2 -> { // a broken escape in a string
        String[] esc = {"\\uZZZZ", "\\x41", "\\u12G", "\\q"};
        Span s = pick(spans, JsonToken.VALUE_STRING, rnd);
        return (body.substring(0, s.start() + 1) + esc[rnd.nextInt(esc.length)]
            + body.substring(s.start() + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> { // numbers no field can hold
        String[] big = {"1e999999", "123456789012345678901234567890", "-0.0000000001e-99999", "NaN", "0x1F"};
        Span s = pick(spans, rnd.nextBoolean() ? JsonToken.VALUE_STRING : JsonToken.VALUE_NUMBER_INT, rnd);
        return (body.substring(0, s.start()) + big[rnd.nextInt(big.length)] + body.substring(s.end()))
            .getBytes(StandardCharsets.UTF_8);
      }
      default -> { // a control character in a string
        Span s = pick(spans, JsonToken.VALUE_STRING, rnd);
        return (body.substring(0, s.start() + 1) + (char) rnd.nextInt(0x20) + body.substring(s.start() + 1))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  static final String APP = EmXml.appInfo("emapi", "emapi-demo");
  static final String[] EM_REQUESTS = {
      EmXml.login(APP, Fixtures.phoneName("TOKYO", 1), "alice", null, null),
      EmXml.login(APP, Fixtures.phoneName("TOKYO", 2), "bob", "UDP_alice", 60),
      EmXml.logout(APP, Fixtures.phoneName("TOKYO", 1)),
      EmXml.logoutAll(APP),
      EmXml.query(APP, "deviceUserQuery", Fixtures.phoneName("TOKYO", 1), "SEPNOPE"),
      EmXml.query(APP, "userDevicesQuery", "alice", "nobody"),
      EmXml.query(APP, "userDeviceProfileQuery", "alice"),
      EmXml.query(APP, "checkUser", "alice")};

  /** An EMService document mutated as a careless or hostile client would: truncated, junk, nested, emptied. */
  static String mutateXml(String xml, Random rnd) {
    int at = 1 + rnd.nextInt(xml.length() - 1);
    switch (rnd.nextInt(7)) {
      case 0 -> {
        return xml.substring(0, at);
      }
      case 1 -> {
        String[] junk = {"<", "&", "&foo;", "]]>", "\u0001", "<!DOCTYPE x>", "</x>", "<?pi?>", "&#0;", "&#xD800;"};
        return xml.substring(0, at) + junk[rnd.nextInt(junk.length)] + xml.substring(at);
      }
      case 2 -> { // the text of the first element with text, nested deep
        int open = xml.indexOf("</");
        int start = xml.lastIndexOf('>', open) + 1;
        int depth = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 12_000);
        return xml.substring(0, start) + "<a>".repeat(depth) + xml.substring(start, open) + "</a>".repeat(depth)
            + xml.substring(open);
      }
      case 3 -> { // every text emptied
        return xml.replaceAll(">[^<]+<", "><");
      }
      case 4 -> { // an unknown operation or root
        return rnd.nextBoolean() ? xml.replaceFirst("<(login|logout|\\w+Query)>", "<zzOp>").replaceFirst("</(login|logout|\\w+Query)>", "</zzOp>")
            : xml.replaceFirst("^<(request|query)>", "<zz>").replaceFirst("</(request|query)>$", "</zz>");
      }
      case 5 -> { // a very long value
        int open = xml.indexOf("</");
        return xml.substring(0, open) + "9".repeat(5_000) + xml.substring(open);
      }
      default -> { // whitespace and attributes where none belong
        return xml.replaceFirst(">", " x=\"1\" y='2' >");
      }
    }
  }

  static Span pick(List<Span> spans, JsonToken kind, Random rnd) {
    List<Span> of = spans.stream().filter(s -> s.token() == kind).toList();
    if (of.isEmpty()) { // this body has none of that kind: a string is in every body
      of = spans.stream().filter(s -> s.token() == JsonToken.VALUE_STRING).toList();
    }
    return of.get(rnd.nextInt(of.size()));
  }

  /**
   * Kinds 10 and 11: EMService documents mutated, sent as the form field or as a raw body (some
   * with bytes that are not UTF-8). Kinds 12 and 13: paths and queries with bad escapes, written on
   * a raw socket (a URI class would refuse them before sending).
   */
  static NodeClient.Response emOrRaw(int kind, Random rnd, NodeClient client, String batch, List<Span> batchSpans,
      String phoneName, String phoneRev) throws Exception {
    if (kind == 10) {
      return client.emService(mutateXml(EM_REQUESTS[rnd.nextInt(EM_REQUESTS.length)], rnd));
    }
    if (kind == 11) {
      byte[] xml = mutateXml(EM_REQUESTS[rnd.nextInt(EM_REQUESTS.length)], rnd).getBytes(StandardCharsets.UTF_8);
      if (rnd.nextBoolean()) {
        xml[rnd.nextInt(xml.length)] = (byte) (0x80 + rnd.nextInt(0x80));
      }
      if (rnd.nextBoolean()) {
        return client.send("POST", dev.emcc.wire.WirePaths.EMSERVICE, xml, Map.of("Content-Type", "text/xml"));
      }
      String[] forms = {"xml=%zz", "xml=%F", "xml=%FF%FE", "xm=1", "xml=" + new String(xml, StandardCharsets.ISO_8859_1)
          .replace("%", "%25").replace("&", "%26").replace("+", "%2B")};
      return client.send("POST", dev.emcc.wire.WirePaths.EMSERVICE, forms[rnd.nextInt(forms.length)].getBytes(StandardCharsets.ISO_8859_1),
          Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }
    String[] paths = {"/api/v1/cluster/phones/%zz", "/api/v1/cluster/phones/%FF%FE", "/api/v1/cluster/%E0%A4",
        "/api/v1/cluster/phones/" + phoneName + "%", "/api/v1/cluster/objects?since=%zz",
        "/api/v1/cluster/objects?changedSince=-1", "/api/v1/cluster/objects?since=1e3",
        "/api/v1/cluster/objects?changedSince=99999999999999999999", "/api/v1/cluster/objects?%zz=1",
        "/api/v1/cluster/objects?since=1&other=2", "/api/v1/cluster/%2e%2e/%2e%2e/etc"};
    String path = paths[rnd.nextInt(paths.length)];
    NodeRef ref = client.node();
    int port = java.net.URI.create(ref.url()).getPort();
    try (RawTls s = RawTls.connect(port)) {
      s.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ref.token()
          + "\r\nConnection: close\r\n\r\n");
      RawTls.Answer a = s.readUntilClosed(java.time.Duration.ofSeconds(30));
      return new NodeClient.Response(a.status(), a.body().getBytes(StandardCharsets.UTF_8), null);
    }
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
        int kind = rnd.nextInt(14);
        NodeClient.Response r;
        if (kind >= 10) {
          r = emOrRaw(kind, rnd, client, batch, spans.get(batch), phoneName, phoneRev);
        } else if (kind < 7) {
          String base = kind < 3 ? batch : kind < 5 ? phone : cluster;
          String body = mutate(base, spans.get(base), rnd, rnd.nextInt(6));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          Map<String, String> json = Map.of("Content-Type", "application/json");
          if (rnd.nextInt(3) == 0) {
            bytes = mutateBytes(base, spans.get(base), rnd);
          }
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
        Leaks.assertNone(r.text(), "answer " + n);
        if (kind == 10 || kind == 11) { // the EMService answers in EM API XML
          assertThat(r.status()).as("request %d: %s", n, r.text()).isIn(200, 400, 413);
          Element root = EmXml.parse(r.text());
          assertThat(root.getTagName()).as(r.text()).isEqualTo("response");
          if (r.status() != 200) {
            assertThat(EmXml.child(EmXml.child(root, "failure"), "error").getAttribute("code")).isIn("1", "8");
          }
        } else {
          assertThat(r.status()).as("request %d: %s", n, r.text()).isBetween(400, 499);
          assertThat(Json.mapper().readTree(r.body()).path("error").asText()).as(r.text()).isNotBlank();
        }
        statuses.merge(r.status(), 1, Integer::sum);
      }
      assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
      assertThat(statuses).containsKeys(200, 400, 401, 404, 405, 413, 428);
      assertThat(client.health().status()).isEqualTo("ok");
      assertThat(client.objects()).isEqualTo(before);
      assertThat(log.lines).noneMatch(l -> l.startsWith("ERROR"));
    }
  }
}
