package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emcc.format.Json;
import dev.emcc.model.RemoteCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The link between clusters is replaceable: here the visiting side runs in one session and the home
 * side in another (as on two node servers), and every request and answer crosses as JSON.
 */
class LinkTransportTest {
  static final ObjectMapper JSON = Json.mapper();

  /** A link that sends each call as JSON to the home session and reads the answer back from JSON. */
  static final class JsonLink implements HomeClusterLink {
    final HomeClusterLink local;
    final SimulatorSession homeNode;
    final List<String> calls = new ArrayList<>();

    JsonLink(SimulatorSession visiting, SimulatorSession homeNode) {
      this.local = new InProcessHomeClusterLink(visiting);
      this.homeNode = homeNode;
    }

    static <T> T roundTrip(Object value, Class<T> type) {
      try {
        return JSON.readValue(JSON.writeValueAsBytes(value), type);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public LinkReply<Wire.UserQueryAnswer> queryUser(Origin from, RemoteCluster entry, Wire.UserQuery q) {
      LinkReply<String> c = local.remoteUpdate(from, entry); // the same network checks as in process
      if (c.failed()) {
        return LinkReply.failed(c.failure(), c.failureKey(), c.failureArgs());
      }
      calls.add("queryUser " + c.value());
      return LinkReply.ok(roundTrip(homeNode.answerUserQuery(c.value(), roundTrip(q, Wire.UserQuery.class)),
          Wire.UserQueryAnswer.class));
    }

    @Override
    public LinkReply<Wire.HomeLoginAnswer> login(Origin from, RemoteCluster entry, Wire.HomeLoginRequest r) {
      LinkReply<String> c = local.remoteUpdate(from, entry);
      if (c.failed()) {
        return LinkReply.failed(c.failure(), c.failureKey(), c.failureArgs());
      }
      calls.add("login " + c.value());
      return LinkReply.ok(roundTrip(homeNode.answerLogin(c.value(), roundTrip(r, Wire.HomeLoginRequest.class)),
          Wire.HomeLoginAnswer.class));
    }

    @Override
    public LinkReply<Boolean> logout(Origin from, RemoteCluster entry, Wire.HomeLogoutRequest r) {
      LinkReply<String> c = local.remoteUpdate(from, entry);
      if (c.failed()) {
        return LinkReply.failed(c.failure(), c.failureKey(), c.failureArgs());
      }
      calls.add("logout " + c.value());
      return LinkReply.ok(homeNode.answerLogout(c.value(), roundTrip(r, Wire.HomeLogoutRequest.class)));
    }

    @Override
    public LinkReply<String> remoteUpdate(Origin from, RemoteCluster entry) {
      return local.remoteUpdate(from, entry);
    }
  }

  @Test
  void aLoginWhoseHomeRunsInAnotherSessionOverJson() {
    SimulatorSession homeNode = new SimulatorSession(SimulatorSessionTest.base());
    List<JsonLink> links = new ArrayList<>();
    SimulatorSession visitingNode = new SimulatorSession(SimulatorSessionTest.base(), SimulatorSession.EPOCH,
        s -> {
          JsonLink l = new JsonLink(s, homeNode);
          links.add(l);
          return l;
        });
    SimulationResult r = visitingNode.login(LoginAttempt.of("SEP00AABBCC0201", "alice", "24680"));
    assertThat(r.isSuccess()).as(r.steps().toString()).isTrue();
    assertThat(r.emccDevice()).isEqualTo("EMCC1");
    assertThat(links.get(0).calls).containsExactly("queryUser TOKYO", "login TOKYO");
    // The home node holds the device; the visiting node holds the phone.
    assertThat(homeNode.devicesInUse("TOKYO")).containsExactly("EMCC1");
    assertThat(visitingNode.devicesInUse("TOKYO")).isEmpty();
    assertThat(visitingNode.sessionOnPhone("SEP00AABBCC0201")).isPresent();
    assertThat(r.steps()).anySatisfy(s -> {
      assertThat(s.message()).isEqualTo("The PIN of alice is correct.");
      assertThat(s.messageJa()).isEqualTo("alice の PIN は正しいです。");
      assertThat(s.check()).isEqualTo("home.pin");
    });

    assertThat(visitingNode.logout("SEP00AABBCC0201").isSuccess()).isTrue();
    assertThat(homeNode.devicesInUse("TOKYO")).isEmpty();
    assertThat(visitingNode.login(LoginAttempt.of("SEP00AABBCC0202", "alice", "0")).code()).isEqualTo(2);
  }
}
