package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.sync.NodeClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Requests no honest client sends, written byte for byte on raw TLS sockets: deep nesting, broken
 * chunks, bodies shorter than their Content-Length, bare LF line ends, invalid UTF-8, huge heads,
 * bad escapes and encodings. Each gets a 4xx in the endpoint's own language (JSON for the REST
 * API, an EM API failure for the EMService) with our own words, within the node's bound, and the
 * cluster is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {
  /** The node's time bounds here: short, so that a body that never comes is answered quickly. */
  static final Duration BOUND = Duration.ofSeconds(1);
  /** The longest a 4xx may take on a loaded machine before the test calls the node silenced. */
  static final Duration ANSWER = Duration.ofSeconds(10);

  @TempDir
  static Path dir;
  RunningNode node;
  NodeClient client;
  String token;
  String before;

  @BeforeAll
  void start() throws Exception {
    ServerLimits limits = ServerLimits.DEFAULTS.withBodyLimit(256 * 1024)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), BOUND);
    node = TestNodes.start(dir, Fixtures.cluster("TOKYO", "OSAKA", 4), limits);
    client = TestNodes.client(node);
    token = node.identity().token();
    before = client.send("GET", "/api/v1/cluster", null, java.util.Map.of()).text();
  }

  @AfterAll
  void stop() throws Exception {
    // the node's data is what it was, and it still answers
    assertThat(client.send("GET", "/api/v1/cluster", null, java.util.Map.of()).text()).isEqualTo(before);
    assertThat(client.health().status()).isEqualTo("ok");
    node.close();
  }

  enum Lang { JSON, EM }

  record Case(String name, Lang lang, byte[] request, int... statuses) {}

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  String auth() {
    return "Authorization: Bearer " + token + "\r\n";
  }

  byte[] post(String path, String type, byte[] body) {
    return concat(bytes("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: " + type
        + "\r\nContent-Length: " + body.length + "\r\n\r\n"), body);
  }

  byte[] chunked(String path, String type, String chunks) {
    return bytes("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: " + type
        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
  }

  static final String CHANGES = "/api/v1/cluster/changes";
  static final String EMS = dev.emcc.wire.WirePaths.EMSERVICE;
  static final String JSON_TYPE = "application/json";
  static final String XML = "text/xml; charset=utf-8";
  static final String FORM = "application/x-www-form-urlencoded";

  List<Case> cases() {
    List<Case> c = new ArrayList<>();
    String deepJson = "[".repeat(10_000) + "]".repeat(10_000);
    c.add(new Case("JSON nested 10,000 deep", Lang.JSON, post(CHANGES, JSON_TYPE, bytes(deepJson)), 400));
    c.add(new Case("JSON nested 65 deep", Lang.JSON, post(CHANGES, JSON_TYPE,
        bytes("{\"clusterId\":\"TOKYO\",\"changes\":" + "[".repeat(64) + "]".repeat(64) + "}")), 400));
    for (int depth : new int[] {5_000, 10_000}) {
      String deepXml = "<request><login><deviceName>" + "<a>".repeat(depth) + "x" + "</a>".repeat(depth)
          + "</deviceName><userID>alice</userID></login></request>";
      c.add(new Case("XML nested " + depth + " deep in <deviceName>", Lang.EM, post(EMS, XML, bytes(deepXml)), 200));
    }
    c.add(new Case("chunk size zz", Lang.JSON, chunked(CHANGES, JSON_TYPE, "zz\r\n{}\r\n0\r\n\r\n"), 400));
    c.add(new Case("chunk size zz (EMService)", Lang.EM, chunked(EMS, XML, "zz\r\n<a/>\r\n0\r\n\r\n"), 400));
    c.add(new Case("chunk size 7fffffffffffffff", Lang.JSON,
        chunked(CHANGES, JSON_TYPE, "7fffffffffffffff\r\n{}\r\n0\r\n\r\n"), 400, 408, 413));
    c.add(new Case("chunk without its CRLF", Lang.JSON, chunked(CHANGES, JSON_TYPE, "2\r\n{}XX0\r\n\r\n"), 400));
    c.add(new Case("body shorter than its Content-Length", Lang.JSON,
        bytes("POST " + CHANGES + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n{\"clusterId\":"), 408));
    c.add(new Case("EMService body shorter than its Content-Length", Lang.EM,
        bytes("POST " + EMS + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: text/xml\r\n"
            + "Content-Length: 100\r\n\r\n<request>"), 408));
    c.add(new Case("LF-only line ends", Lang.JSON, bytes("GET /api/v1/health HTTP/1.1\nHost: x\n\n"), 400));
    c.add(new Case("LF-only line ends (EMService)", Lang.EM,
        bytes("POST " + EMS + " HTTP/1.1\r\nHost: x\n" + auth().replace("\r\n", "\n") + "Content-Length: 3\n\n<a/"), 400));
    c.add(new Case("LF-only chunk ends", Lang.JSON, chunked(CHANGES, JSON_TYPE, "2\n{}\n0\n\n"), 400, 408));
    byte[] badUtf8 = {'{', '"', 'c', 'l', 'u', 's', 't', 'e', 'r', 'I', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    c.add(new Case("invalid UTF-8 in JSON", Lang.JSON, post(CHANGES, JSON_TYPE, badUtf8), 400));
    byte[] badXml = concat(bytes("<query><userDevicesQuery><userID>ali"), new byte[] {(byte) 0xFF, (byte) 0xFE},
        bytes("</userID></userDevicesQuery></query>"));
    c.add(new Case("invalid UTF-8 in raw XML", Lang.EM, post(EMS, XML, badXml), 200));
    c.add(new Case("invalid UTF-8 in the form's xml", Lang.EM,
        post(EMS, FORM, bytes("xml=%3Cquery%3E%3CuserDevicesQuery%3E%3CuserID%3E%FF%FE%3C%2FuserID%3E"
            + "%3C%2FuserDevicesQuery%3E%3C%2Fquery%3E")), 200));
    c.add(new Case("xml=%zz", Lang.EM, post(EMS, FORM, bytes("xml=%zz")), 200));
    c.add(new Case("form without xml", Lang.EM, post(EMS, FORM, bytes("other=1")), 200));
    c.add(new Case("not XML at all", Lang.EM, post(EMS, XML, bytes("{\"json\": true}")), 200));
    c.add(new Case("DOCTYPE with an external entity", Lang.EM, post(EMS, XML,
        bytes("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><request>&x;</request>")), 200));
    c.add(new Case("headers of 20 KB", Lang.JSON,
        bytes("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431));
    c.add(new Case("request line of 20 KB", Lang.JSON,
        bytes("GET /api/v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, 431));
    c.add(new Case("Content-Length not a number", Lang.JSON,
        bytes("POST " + CHANGES + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 1x\r\n\r\n{}"), 400));
    c.add(new Case("two Content-Lengths", Lang.JSON,
        bytes("POST " + CHANGES + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), 400));
    c.add(new Case("Transfer-Encoding gzip", Lang.JSON,
        bytes("POST " + CHANGES + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Transfer-Encoding: gzip\r\n\r\n{}"), 400));
    c.add(new Case("Content-Encoding gzip", Lang.JSON, bytes("POST " + CHANGES + " HTTP/1.1\r\nHost: x\r\n" + auth()
        + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}"), 415));
    c.add(new Case("charset ISO-8859-1", Lang.EM, post(EMS, "text/xml; charset=ISO-8859-1", bytes("<query/>")), 415));
    c.add(new Case("HTTP/2.0 request line", Lang.JSON, bytes("GET /api/v1/health HTTP/2.0\r\nHost: x\r\n\r\n"), 400, 426));
    c.add(new Case("bad escape in a path", Lang.JSON,
        bytes("GET /api/v1/cluster/phones/%zz HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"), 400));
    c.add(new Case("escape of bytes that are not UTF-8 in a path", Lang.JSON,
        bytes("GET /api/v1/cluster/phones/%FF%FE HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"), 400));
    c.add(new Case("bad escape in a query", Lang.JSON,
        bytes("GET /api/v1/cluster/objects?since=%zz HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"), 400));
    c.add(new Case("since beyond a long", Lang.JSON,
        bytes("GET /api/v1/cluster/objects?since=99999999999999999999999 HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"), 400));
    c.add(new Case("a NUL in a header", Lang.JSON, bytes("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"), 400));
    c.add(new Case("no Host", Lang.JSON, bytes("GET /api/v1/health HTTP/1.1\r\n\r\n"), 400));
    c.add(new Case("chunked body over the limit", Lang.JSON,
        chunked(CHANGES, JSON_TYPE, "50000\r\n" + " ".repeat(0x50000) + "\r\n0\r\n\r\n"), 413));
    c.add(new Case("a method of its own", Lang.JSON, bytes("BREW /api/v1/cluster HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"), 405));
    c.add(new Case("garbage instead of a request line", Lang.JSON, bytes("\u0016\u0003\u0001junk\r\n\r\n"), 400));
    return c;
  }

  @TestFactory
  /**
   * A 4xx in the endpoint's language; the EM API answers what it could read as HTTP but not as its
   * XML with HTTP 200 and code 1, as CUCM does (its clients read the code, not the status).
   */
  List<DynamicTest> everyHostileRequestGetsA4xxInTheEndpointsLanguage() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      long t0 = System.nanoTime();
      RawTls.Answer a;
      try (RawTls s = RawTls.connect(node.port())) {
        s.send(c.request());
        a = s.readAnswer(ANSWER);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("hostile: %-48s %d in %d ms%n", c.name(), a.status(), ms);
      if (!(c.lang() == Lang.EM && a.status() == 200)) {
        assertThat(a.status()).as("%s answered within %s: %s", c.name(), ANSWER, a.raw()).isBetween(400, 499);
      }
      assertThat(c.statuses()).as("%s: %s", c.name(), a.raw()).contains(a.status());
      Leaks.assertNone(a.raw(), c.name());
      if (c.lang() == Lang.JSON) {
        assertThat(a.raw()).containsIgnoringCase("Content-Type: application/json");
        JsonNode body = Json.mapper().readTree(a.body());
        assertThat(body.path("error").asText()).as(a.body()).isNotBlank();
      } else {
        assertThat(a.raw()).containsIgnoringCase("Content-Type: text/xml");
        Element response = EmXml.parse(a.body());
        assertThat(response.getTagName()).isEqualTo("response");
        Element failure = EmXml.child(response, "failure");
        assertThat(EmXml.child(failure, "error").getAttribute("code")).isEqualTo("1");
      }
    })).toList();
  }
}
