package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.Json;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.sync.NodeClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIN guesses in EMCC's home cluster query (our cluster-to-cluster message) meet the credential policy on a node: wrong PINs up to the
 * threshold lock the PIN, the right PIN is refused while locked (code 9), and accepted once the
 * lockout is over, on a clock the test moves.
 */
class PinLockoutTest {
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  @TempDir
  Path dir;
  MovableClock clock;
  RunningNode node;
  NodeClient client;

  @BeforeEach
  void start() throws Exception {
    clock = new MovableClock(START);
    node = RunningNode.start(dir, Listeners.https("127.0.0.1", 0), ServerLimits.DEFAULTS,
        Fixtures.cluster("TOKYO", "OSAKA", 3), new TestNodes.Log(), clock);
    client = TestNodes.client(node);
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  /** An EMCC login's PIN check: the visiting cluster asks this home cluster (our own message). */
  EmXml.Answer login(int phone, String pin) throws Exception {
    NodeClient.Response r = client.intercluster(EmXml.homeClusterQuery("OSAKA", "alice", "UID", pin));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return EmXml.readAnswer(r.text());
  }

  void policy(int threshold, int lockoutMinutes, int resetMinutes) throws Exception {
    String key = "/api/v1/cluster/settings/emServiceParameters";
    NodeClient.Response current = client.send("GET", key, null, Map.of());
    byte[] body = Json.mapper().writeValueAsBytes(EmServiceParameters.DEFAULTS.withCredentialPolicy(threshold,
        lockoutMinutes, resetMinutes));
    NodeClient.Response r = client.send("PUT", key, body, Map.of("If-Match", current.etag()));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }

  @Test
  void theDefaultPolicyLocksAtTheThirdWrongPinForThirtyMinutes() throws Exception {
    assertThat(login(0, "11111").code()).isEqualTo(EmService.AUTHENTICATION);
    EmXml.Answer second = login(0, "22222");
    assertThat(second.code()).isEqualTo(EmService.AUTHENTICATION);
    assertThat(second.text()).contains("2 of 3 failed attempts");
    EmXml.Answer third = login(0, "33333");
    assertThat(third.code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    assertThat(third.text()).contains("locked after 3 failed attempts until 2026-01-05T09:30:00Z");
    // the right PIN is refused while locked, the same way
    EmXml.Answer right = login(1, "12345");
    assertThat(right.code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    assertThat(right.text()).contains("is locked");
    // so are the cluster-to-cluster PIN checks of EMCC
    EmXml.Answer home = EmXml.readAnswer(client.intercluster(EmXml.homeClusterQuery("OSAKA", "alice", "UID", "12345")).text());
    assertThat(home.code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    clock.advance(Duration.ofMinutes(29));
    assertThat(login(1, "12345").code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    clock.advance(Duration.ofMinutes(1));
    assertThat(login(1, "12345").success()).as("accepted once the lockout is over").isTrue();
  }

  @Test
  void aConfiguredPolicyLocksAtItsThresholdAndForgetsOldFailures() throws Exception {
    policy(5, 10, 15);
    for (int i = 1; i <= 4; i++) {
      assertThat(login(0, "0000" + i).code()).isEqualTo(EmService.AUTHENTICATION);
    }
    // 15 minutes after the last failure the count starts again: four more wrong PINs do not lock
    clock.advance(Duration.ofMinutes(15));
    for (int i = 1; i <= 4; i++) {
      assertThat(login(0, "0000" + i).text()).contains(i + " of 5 failed attempts");
    }
    EmXml.Answer fifth = login(0, "99999"); // the fifth in a row: it locks
    assertThat(fifth.code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    assertThat(fifth.text()).contains("locked after 5 failed attempts until 2026-01-05T09:25:00Z");
    assertThat(login(0, "12345").code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    clock.advance(Duration.ofMinutes(10));
    assertThat(login(0, "12345").success()).isTrue();
    // a right PIN starts the count again
    assertThat(login(0, "00001").text()).contains("1 of 5");
  }

  @Test
  void withoutALockoutDurationOnlyANewPinUnlocks() throws Exception {
    policy(2, 0, 30);
    login(0, "00001");
    EmXml.Answer locked = login(0, "00002");
    assertThat(locked.text()).contains("until an administrator sets a new PIN");
    clock.advance(Duration.ofDays(3));
    assertThat(login(0, "12345").code()).isEqualTo(EmService.DIRECTORY_USER_INFO);
    // the administrator sets a new PIN
    String user = client.send("GET", "/api/v1/cluster/endUsers/alice", null, Map.of()).text();
    String etag = client.send("GET", "/api/v1/cluster/endUsers/alice", null, Map.of()).etag();
    String withNewPin = user.replaceFirst("\"pinHash\":\"[^\"]*\"", "\"pin\":\"54321\"");
    NodeClient.Response put = client.send("PUT", "/api/v1/cluster/endUsers/alice",
        withNewPin.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag));
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(login(0, "54321").success()).isTrue();
  }

  @Test
  void aThresholdOfZeroMeansNoLimit() throws Exception {
    policy(0, 30, 30);
    for (int i = 0; i < 10; i++) {
      EmXml.Answer a = login(0, "0000" + i);
      assertThat(a.code()).isEqualTo(EmService.AUTHENTICATION);
      assertThat(a.text()).doesNotContain("failed attempts");
    }
    assertThat(login(0, "12345").success()).isTrue();
  }
}
