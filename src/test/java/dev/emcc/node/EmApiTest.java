package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.model.ApplicationUser;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import dev.emcc.wire.WirePaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cisco's Extension Mobility API on a node as its clients use it: form field and raw body, HTTPS
 * and plain HTTP, no API token (the application user of {@code <appInfo>}), every request and
 * query in CUCM's shapes, every error code whose cause exists here, all with HTTP 200.
 */
class EmApiTest {
  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final String APP = EmXml.appInfo("emapi", "emapi-demo");
  static final String P0 = Fixtures.phoneName("TOKYO", 0);
  static final String P1 = Fixtures.phoneName("TOKYO", 1);
  static final String P2 = Fixtures.phoneName("TOKYO", 2);

  @TempDir
  Path dir;
  MovableClock clock;
  RunningNode node;
  EmApiClient api;

  @BeforeEach
  void start() throws Exception {
    clock = new MovableClock(START);
    node = RunningNode.start(dir.resolve("node"), new Listeners("127.0.0.1", 0, 0), ServerLimits.DEFAULTS,
        Fixtures.cluster("TOKYO", "OSAKA", 4), new TestNodes.Log(), clock);
    Fixtures.emapiUser(node);
    Fixtures.appUser(node, "axlonly", "axl-secret", ApplicationUser.AXL_API_ACCESS);
    api = EmApiClient.https(node);
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  /** The answer, which must be HTTP 200 and XML whatever it says. */
  String ask(String xml) throws Exception {
    EmApiClient.Answer a = api.form(xml);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/xml");
    return a.body();
  }

  Integer code(String xml) throws Exception {
    return EmXml.readAnswer(ask(xml)).code();
  }

  void put(String collection, String name, String json) throws Exception {
    ClusterState state = node.server().state();
    ObjectKey key = new ObjectKey(collection, name);
    long base = state.get(key).map(StoredObject::revision).orElse(0L);
    state.apply("TOKYO", List.of(new ClusterState.Change(key, base, Json.mapper().readTree(json))));
  }

  void parameters(EmServiceParameters p) throws Exception {
    put(ClusterObjects.SETTINGS, "emServiceParameters", Json.mapper().writeValueAsString(p));
  }

  @Test
  void aLoginAndALogoutAnswerCucmsDocumentsOnBothPortsAsFormOrRawWithoutAToken() throws Exception {
    assertThat(ask(EmXml.login(APP, P0, "alice", "UDP_alice", null))).isEqualTo("<response><success/></response>");
    EmApiClient plain = EmApiClient.http(node);
    EmApiClient.Answer raw = plain.raw(EmXml.query(APP, "userDevicesQuery", "alice"));
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("<response><userDevicesResults><user id=\"alice\"><deviceName>" + P0
        + "</deviceName></user></userDevicesResults></response>");
    EmApiClient.Answer out = plain.form(EmXml.logout(APP, P0));
    assertThat(out.body()).isEqualTo("<response><success/></response>");
    assertThat(api.raw(EmXml.logout(APP, P0)).body())
        .isEqualTo("<response><failure><error code=\"19\">no user is logged in on " + P0
            + "</error></failure></response>");
    // the token of the REST API neither helps nor is needed; the REST API still wants it
    assertThat(node.server().emService().sessions()).isEmpty();
  }

  @Test
  void theQueriesAnswerInCucmsShapes() throws Exception {
    ask(EmXml.login(APP, P0, "alice", null, 60));
    String users = ask(EmXml.query(APP, "deviceUserQuery", P0, P1, "SEPNOPE"));
    assertThat(users).isEqualTo("<response><deviceUserResults>"
        + "<device name=\"" + P0 + "\"><userID>alice</userID><none/><emccDevice>no</emccDevice></device>"
        + "<device name=\"" + P1 + "\"><none/></device>"
        + "<device name=\"SEPNOPE\"><doesNotExist/></device></deviceUserResults></response>");
    ask(EmXml.logout(APP, P0));
    ask(EmXml.login(APP, P0, "bob", null, null));
    // lastlogin: who logged in on the device before; after a logout it stays beside <none/>
    assertThat(ask(EmXml.query(APP, "deviceUserQuery", P0))).contains("<userID>bob</userID><lastlogin>alice</lastlogin>");
    ask(EmXml.logout(APP, P0));
    assertThat(ask(EmXml.query(APP, "deviceUserQuery", P0))).contains("<device name=\"" + P0
        + "\"><none/><lastlogin>bob</lastlogin></device>");

    assertThat(ask(EmXml.query(APP, "userDevicesQuery", "alice", "nobody")))
        .isEqualTo("<response><userDevicesResults><user id=\"alice\"><none/></user>"
            + "<user id=\"nobody\"><doesNotExist/></user></userDevicesResults></response>");
    String profiles = "<response><deviceProfileResults><user id=\"alice\"><deviceProfile>"
        + "<deviceProfileName>UDP_alice</deviceProfileName><isDefaultDeviceProfile>f</isDefaultDeviceProfile>"
        + "</deviceProfile></user><user id=\"nobody\"><doesNotExist/></user></deviceProfileResults></response>";
    assertThat(ask(EmXml.query(APP, "deviceProfileQuery", "alice", "nobody"))).isEqualTo(profiles);
    assertThat(ask(EmXml.query(APP, "userDeviceProfileQuery", "alice", "nobody"))).isEqualTo(profiles);
    assertThat(ask(EmXml.query(APP, "checkUser", "alice", "bob"))).isEqualTo("<response><success/></response>");
    assertThat(code(EmXml.query(APP, "checkUser", "alice", "carol"))).isEqualTo(EmService.USER_DOES_NOT_EXIST);

    // an EMCC device of the cluster says so
    put(ClusterObjects.SETTINGS, "emccDevices", "{\"defaultTemplate\":null,\"names\":[\"" + P2 + "\"]}");
    ask(EmXml.login(APP, P2, "alice", null, null));
    assertThat(ask(EmXml.query(APP, "deviceUserQuery", P2))).contains("<emccDevice>yes</emccDevice>");
  }

  @Test
  void logoutAllLogsEveryoneOut() throws Exception {
    ask(EmXml.login(APP, P0, "alice", null, null));
    ask(EmXml.login(APP, P1, "bob", null, 30));
    assertThat(node.server().emService().sessions()).hasSize(2);
    assertThat(ask(EmXml.logoutAll(APP))).isEqualTo("<response><success/></response>");
    assertThat(node.server().emService().sessions()).isEmpty();
    assertThat(ask(EmXml.logoutAll(APP))).isEqualTo("<response><success/></response>");
  }

  @Test
  void userIdsAreUrlEncodedInAnswersAndReadEitherWayInRequests() throws Exception {
    put("endUsers", "em@cisco.com", "{\"userId\":\"em@cisco.com\",\"pinHash\":\"" + Fixtures.PIN_HASH
        + "\",\"controlledProfiles\":[\"UDP_alice\"]}");
    ask(EmXml.login(APP, P0, "em%40cisco.com", null, null));
    assertThat(ask(EmXml.query(APP, "deviceUserQuery", P0))).contains("<userID>em%40cisco.com</userID>");
    assertThat(ask(EmXml.query(APP, "userDevicesQuery", "em@cisco.com")))
        .contains("<user id=\"em%40cisco.com\"><deviceName>" + P0 + "</deviceName></user>");
    assertThat(ask(EmXml.query(APP, "userDevicesQuery", "em%40cisco.com"))).contains("<deviceName>" + P0);
    ask(EmXml.logout(APP, P0));
    ask(EmXml.login(APP, P0, "em@cisco.com", null, null));
    assertThat(node.server().emService().session(P0).orElseThrow().userId()).isEqualTo("em@cisco.com");
    assertThat(EmApi.userId("a%zzb")).isEqualTo("a%zzb");
    assertThat(EmApi.userId("%E5%B1%B1%E7%94%B0")).isEqualTo("山田");
    assertThat(EmApi.userId("a+b")).isEqualTo("a+b");
  }

  @Test
  void anExclusiveDurationLogsOutWhenItsTimeIsUp() throws Exception {
    ask(EmXml.login(APP, P0, "alice", null, 60));
    ask(EmXml.login(APP, P1, "bob", null, null));
    EmService.Session s = node.server().emService().session(P0).orElseThrow();
    assertThat(s.until()).isEqualTo(START.plus(Duration.ofMinutes(60)));
    assertThat(s.viaEmApi()).isTrue();
    clock.advance(Duration.ofMinutes(59));
    assertThat(ask(EmXml.query(APP, "userDevicesQuery", "alice"))).contains("<deviceName>" + P0);
    clock.advance(Duration.ofMinutes(1));
    assertThat(ask(EmXml.query(APP, "userDevicesQuery", "alice"))).contains("<user id=\"alice\"><none/></user>");
    assertThat(ask(EmXml.query(APP, "deviceUserQuery", P0))).contains("<none/><lastlogin>alice</lastlogin>");
    // indefinite stays
    clock.advance(Duration.ofDays(30));
    assertThat(node.server().emService().session(P1)).isPresent();
    // logging in again renews the duration
    ask(EmXml.login(APP, P0, "alice", null, 10));
    ask(EmXml.login(APP, P0, "alice", null, 20));
    assertThat(node.server().emService().session(P0).orElseThrow().until())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
  }

  @Test
  void everyErrorCodeWhoseCauseExistsHere() throws Exception {
    // 1: not XML, not the DTD's shape, a login without its elements, a form without the field
    assertThat(code("<request><login>")).isEqualTo(EmService.PARSE_ERROR);
    assertThat(code("<reply/>")).isEqualTo(EmService.PARSE_ERROR);
    assertThat(code("<request>" + APP + "<login><userID>alice</userID></login></request>"))
        .isEqualTo(EmService.PARSE_ERROR);
    assertThat(code("<request>" + APP + "<logout/><logout/></request>")).isEqualTo(EmService.PARSE_ERROR);
    EmApiClient.Answer noField = EmApiClient.http(node).raw("other=1");
    assertThat(noField.status()).isEqualTo(200);
    assertThat(EmXml.readAnswer(noField.body()).code()).isEqualTo(EmService.PARSE_ERROR);
    // 8: an operation the API does not have, or under the wrong root
    assertThat(code("<query>" + APP + "<whoKnows/></query>")).isEqualTo(EmService.QUERY_TYPE_UNDETERMINED);
    assertThat(code("<query>" + APP + "<login><deviceName>" + P0 + "</deviceName></login></query>"))
        .isEqualTo(EmService.QUERY_TYPE_UNDETERMINED);
    assertThat(code("<query>" + APP + "</query>")).isEqualTo(EmService.QUERY_TYPE_UNDETERMINED);
    // 3: no appInfo, an unknown application user, a wrong password; 10: no proxy rights
    String noApp = ask(EmXml.login("", P0, "alice", null, null));
    assertThat(EmXml.readAnswer(noApp).code()).isEqualTo(EmService.INVALID_APP_USER);
    assertThat(ask(EmXml.login(EmXml.appInfo("ghost", "x"), P0, "alice", null, null)))
        .isEqualTo("<response><failure><error code=\"3\">Could not authenticate 'ghost'</error></failure></response>");
    assertThat(code(EmXml.login(EmXml.appInfo("emapi", "wrong"), P0, "alice", null, null)))
        .isEqualTo(EmService.INVALID_APP_USER);
    assertThat(code(EmXml.query(EmXml.appInfo("emapi", "emapi-demo "), "checkUser", "alice")))
        .as("the password is taken as written").isEqualTo(EmService.INVALID_APP_USER);
    assertThat(code(EmXml.login(EmXml.appInfo("axlonly", "axl-secret"), P0, "alice", null, null)))
        .isEqualTo(EmService.NO_PROXY_RIGHTS);
    // 11, 23, 12, 18, 25, 19, 7
    assertThat(code(EmXml.login(APP, "SEPNOPE", "alice", null, null))).isEqualTo(EmService.DEVICE_NOT_FOUND);
    assertThat(code(EmXml.login(APP, P0, "carol", null, null))).isEqualTo(EmService.USER_DOES_NOT_EXIST);
    assertThat(code(EmXml.login(APP, P0, "alice", "UDP_nobody", null))).isEqualTo(EmService.PROFILE_NOT_FOUND);
    assertThat(code(EmXml.login(APP, P0, "alice", null, null))).isNull();
    assertThat(code(EmXml.login(APP, P0, "bob", null, null))).isEqualTo(EmService.ANOTHER_USER_LOGGED_IN);
    assertThat(code(EmXml.login(APP, P1, "alice", null, null))).isEqualTo(EmService.USER_LOGGED_IN_ELSEWHERE);
    assertThat(code(EmXml.logout(APP, P1))).isEqualTo(EmService.NO_USER_LOGGED_IN);
    assertThat(code(EmXml.logout(APP, "SEPNOPE"))).isEqualTo(EmService.DEVICE_NOT_FOUND);
    for (String time : new String[] {"0", "-5", "ten", "525601", ""}) {
      String login = EmXml.login(APP, P1, "bob", null, 5).replace("<time>5</time>", "<time>" + time + "</time>");
      assertThat(code(login)).as(time).isEqualTo(EmService.LOGOUT_REQUEST);
    }
    assertThat(code(EmXml.login(APP, P1, "bob", null, 5).replace("<time>5</time>", ""))).isEqualTo(EmService.LOGOUT_REQUEST);
    // 22 at login, 5 at logout: Extension Mobility off on the phone
    put("phones", P2, Fixtures.phone("TOKYO", 2).replace("\"enableExtensionMobility\":true",
        "\"enableExtensionMobility\":false"));
    assertThat(code(EmXml.login(APP, P2, "bob", null, null))).isEqualTo(EmService.DEVICE_LOGON_DISABLED);
    assertThat(code(EmXml.logout(APP, P2))).isEqualTo(EmService.DEVICE_LOGOFF_DISABLED);
  }

  @Test
  void theServiceParametersDecideWhereLoginsMayComeFrom() throws Exception {
    parameters(new EmServiceParameters(true, List.of("10.9.9.9"), false, null));
    // from 127.0.0.1, neither trusted nor the phone's own address: 28; queries are not checked
    assertThat(code(EmXml.login(APP, P0, "alice", null, null))).isEqualTo(EmService.UNTRUSTED_IP);
    assertThat(code(EmXml.logoutAll(APP))).isEqualTo(EmService.UNTRUSTED_IP);
    assertThat(code(EmXml.query(APP, "checkUser", "alice"))).isNull();
    // an application relaying the phone names its address: the phone's own, or a trusted one
    String relayed = EmXml.login(APP, P0, "alice", null, null).replace("</exclusiveDuration>",
        "</exclusiveDuration><remoteIPAddr>10.1.0.0</remoteIPAddr>");
    assertThat(code(relayed)).isNull();
    String trusted = EmXml.logout(APP, P0).replace("</deviceName>", "</deviceName><remoteIPAddr>10.9.9.9</remoteIPAddr>");
    assertThat(code(trusted)).isNull();
    // through a proxy with Allow Proxy off: 30 (the Via header, or isViaHeaderSet from the application)
    parameters(new EmServiceParameters(false, List.of(), false, null));
    assertThat(EmXml.readAnswer(api.viaProxy(EmXml.login(APP, P0, "alice", null, null)).body()).code())
        .isEqualTo(EmService.PROXY_NOT_ALLOWED);
    assertThat(code(EmXml.logout(APP, P0).replace("</deviceName>", "</deviceName><isViaHeaderSet>true</isViaHeaderSet>")))
        .isEqualTo(EmService.PROXY_NOT_ALLOWED);
    parameters(new EmServiceParameters(false, List.of(), true, null));
    assertThat(EmXml.readAnswer(api.viaProxy(EmXml.login(APP, P0, "alice", null, null)).body()).success()).isTrue();
  }

  @Test
  void beyondTheMaximumConcurrentRequestsTheAnswerIsBusy() throws Exception {
    parameters(new EmServiceParameters(false, List.of(), false, 1));
    byte[] body = ("xml=" + java.net.URLEncoder.encode(EmXml.logoutAll(APP), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    try (RawTls slow = RawTls.connect(node.port())) {
      // a request whose body is still on its way holds the one place
      slow.send(("POST " + WirePaths.EMSERVICE + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
          + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      slow.send(java.util.Arrays.copyOf(body, 10));
      String busy = awaitBusy();
      assertThat(busy).startsWith("<response><failure><error code=\"26\">Busy, please try again");
      slow.send(java.util.Arrays.copyOfRange(body, 10, body.length));
      RawTls.Answer a = slow.readAnswer(Duration.ofSeconds(30));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).isEqualTo("<response><success/></response>");
    }
    // the place is free again
    assertThat(ask(EmXml.logoutAll(APP))).isEqualTo("<response><success/></response>");
  }

  /** Asks until the slow request's head has reached the node (it counts from its head). */
  private String awaitBusy() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String last;
    do {
      last = ask(EmXml.query(APP, "checkUser", "alice"));
      if (last.contains("code=\"26\"")) {
        return last;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    return last;
  }

  @Test
  void aNodeWithoutAClusterAnswersDatabaseError() throws Exception {
    try (RunningNode empty = RunningNode.start(dir.resolve("empty"), new Listeners("127.0.0.1", 0, null),
        ServerLimits.DEFAULTS, null, new TestNodes.Log())) {
      EmApiClient.Answer a = EmApiClient.https(empty).form(EmXml.logoutAll(APP));
      assertThat(a.status()).isEqualTo(200);
      assertThat(EmXml.readAnswer(a.body()).code()).isEqualTo(EmService.DATABASE);
    }
  }

  @Test
  void theTrainersViewSeesWhoIsLoggedInWhereUntilWhen() throws Exception {
    ask(EmXml.login(APP, P0, "alice", null, 45));
    ask(EmXml.login(APP, P1, "bob", null, null));
    dev.emcc.sync.NodeClient client = TestNodes.client(node);
    assertThat(client.emLogins()).containsExactly(
        new dev.emcc.sync.NodeClient.EmLogin(P0, "alice", "UDP_alice", START, START.plus(Duration.ofMinutes(45)), null,
            true),
        new dev.emcc.sync.NodeClient.EmLogin(P1, "bob", "UDP_alice", START, null, null, true));
    clock.advance(Duration.ofMinutes(45));
    assertThat(client.emLogins()).extracting(dev.emcc.sync.NodeClient.EmLogin::userId).containsExactly("bob");
    ask(EmXml.logoutAll(APP));
    assertThat(client.emLogins()).isEmpty();
    // ours, with the token
    dev.emcc.sync.NodeClient wrong = new dev.emcc.sync.NodeClient(new dev.emcc.sync.NodeRef(
        "https://127.0.0.1:" + node.port(), node.identity().fingerprint(), "wrong-token", null));
    assertThat(wrong.send("GET", "/api/v1/em/logins", null, java.util.Map.of()).status()).isEqualTo(401);
  }

  @Test
  void theRestApiStillWantsItsTokenAndTheEmApiNeverReadsIt() throws Exception {
    JsonNode health = Json.mapper().readTree(TestNodes.client(node).send("GET", "/api/v1/health", null,
        java.util.Map.of()).body());
    assertThat(health.path("status").asText()).isEqualTo("ok");
    dev.emcc.sync.NodeClient wrong = new dev.emcc.sync.NodeClient(new dev.emcc.sync.NodeRef(
        "https://127.0.0.1:" + node.port(), node.identity().fingerprint(), "wrong-token", null));
    assertThat(wrong.send("GET", "/api/v1/cluster", null, java.util.Map.of()).status()).isEqualTo(401);
    assertThat(wrong.emService(EmXml.query(APP, "checkUser", "alice")).text()).isEqualTo("<response><success/></response>");
  }
}
