package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EndUser;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State over time: sessions, EMCC devices, the clock, the periodic jobs. */
class SimulatorSessionTest {
  static final String P1 = "SEP00AABBCC0201";
  static final String P2 = "SEP00AABBCC0202";
  static final String P3 = "SEP00AABBCC0203";

  SimulatorSession session;

  /** The demo workspace with two EMCC devices on TOKYO, so that they run out quickly. */
  static Workspace base() {
    return DemoWorkspace.create().updateCluster("TOKYO", c -> c.withEmccDevices(
        new EmccDevices(c.emccDevices().defaultTemplate(), List.of("EMCC1", "EMCC2"))));
  }

  static LoginAttempt alice(String phone) {
    return LoginAttempt.of(phone, "alice", "24680");
  }

  @BeforeEach
  void setUp() throws Exception {
    session = new SimulatorSession(base());
  }

  @Test
  void aSecondLoginOnTheSamePhoneIs18() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    SimulationResult r = session.login(LoginAttempt.of(P1, "bob", "13579"));
    assertThat(r.code()).isEqualTo(18);
    assertThat(r.phoneDisplay()).contains("18");
  }

  @Test
  void theSameUserOnAnotherPhoneIs25() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    SimulationResult r = session.login(alice(P2));
    assertThat(r.code()).isEqualTo(25);
    assertThat(r.homeCluster()).isEqualTo("TOKYO");
  }

  @Test
  void devicesRunOutWith33AndLogoutFreesThem() {
    assertThat(session.login(alice(P1)).emccDevice()).isEqualTo("EMCC1");
    assertThat(session.login(LoginAttempt.of(P2, "bob", "13579")).emccDevice()).isEqualTo("EMCC2");
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC1", "EMCC2");

    assertThat(session.login(LoginAttempt.of(P3, "tsato", "40721")).code()).isEqualTo(33);

    SimulationResult out = session.logout(P1);
    assertThat(out.isSuccess()).isTrue();
    assertThat(out.emccDevice()).isEqualTo("EMCC1");
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC2");
    SimulationResult carol = session.login(LoginAttempt.of(P3, "tsato", "40721"));
    assertThat(carol.isSuccess()).isTrue();
    assertThat(carol.emccDevice()).isEqualTo("EMCC1");
  }

  @Test
  void logoutWithNobodyLoggedInIs19() {
    SimulationResult r = session.logout(P1);
    assertThat(r.code()).isEqualTo(19);
    assertThat(r.phoneDisplay()).contains("19");
    assertThat(r.phoneDisplay()).doesNotContain("Login is");
  }

  @Test
  void logoutOnAPhoneWithExtensionMobilityOffIs20() {
    session.updateWorkspace(ws -> ws.updateCluster("OSAKA", c -> c.withPhones(c.phones().stream()
        .map(p -> p.name().equals(P1) ? p.withEnableExtensionMobility(false) : p).toList())));
    assertThat(session.logout(P1).code()).isEqualTo(20);
  }

  @Test
  void aLocalUserLogsInAndOutWithoutAnEmccDevice() {
    SimulationResult r = session.login(LoginAttempt.of(P1, "carol", "86420"));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.emccStatus()).isNull();
    assertThat(r.emccDevice()).isNull();
    assertThat(r.homeCluster()).isEqualTo("OSAKA");
    assertThat(session.login(LoginAttempt.of(P2, "carol", "86420")).code()).isEqualTo(25);
    assertThat(session.logout(P1).isSuccess()).isTrue();
    assertThat(session.login(LoginAttempt.of(P2, "carol", "86420")).isSuccess()).isTrue();
  }

  @Test
  void disablingEmccForALoggedInUserKeepsTheSessionButRefusesTheNextLogin() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    session.updateWorkspace(ws -> ws.updateCluster("TOKYO", c -> c.withEndUsers(c.endUsers().stream()
        .map(u -> u.userId().equals("alice") ? u.withEnableEmcc(false) : u).toList())));

    assertThat(session.sessionOnPhone(P1)).hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo("alice"));
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC1");
    assertThat(session.logout(P1).isSuccess()).isTrue();
    assertThat(session.login(alice(P1)).code()).isEqualTo(31);
  }

  @Test
  void aRemoteClusterThatMissedTheUpdateShowsLoginUnavailableUntilTheNextUpdate() {
    session.setWanUp(false);
    session.advance(Duration.ofMinutes(29));
    session.setWanUp(true);
    assertThat(session.remoteClusterAvailable("OSAKA", "TOKYO")).isTrue();

    session.setWanUp(false);
    session.advance(Duration.ofMinutes(1)); // the 30-minute update runs while the WAN is down
    session.setWanUp(true);
    assertThat(session.remoteClusterAvailable("OSAKA", "TOKYO")).isFalse();
    SimulationResult r = session.login(alice(P1));
    assertThat(r.code()).isEqualTo(40);
    assertThat(r.steps()).anySatisfy(s -> assertThat(s.message()).contains("did not answer the last remote cluster update"));
    // seed lines 550, 693: the documented words, one outcome in both languages
    assertThat(r.phoneDisplay()).isEqualTo("Login is unavailable");
    assertThat(r.phoneDisplayJa()).isEqualTo("ログイン不可");

    session.advance(Duration.ofMinutes(30)); // the next periodic update succeeds
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
  }

  @Test
  void updateRemoteClusterNowEndsLoginUnavailableAtOnce() {
    session.setWanUp(false);
    session.updateRemoteClusterNow();
    session.setWanUp(true);
    assertThat(session.login(alice(P1)).code()).isEqualTo(40);
    session.updateRemoteClusterNow("OSAKA");
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
  }

  @Test
  void aWanFailureExpiresEmccDevicesUntilTheMaintenanceFreesThem() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    session.setWanUp(false);
    assertThat(session.sessionOnPhone(P1)).isEmpty();          // the visiting side logged the phone out
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC1"); // the home still holds the device
    assertThat(session.sessions()).singleElement().satisfies(s -> assertThat(s.expired()).isTrue());
    session.setWanUp(true);

    assertThat(session.login(alice(P2)).code()).isEqualTo(25);
    session.advance(Duration.ofMinutes(1440)); // Default Interval for Expired EMCC Device Maintenance
    assertThat(session.devicesInUse("TOKYO")).isEmpty();
    assertThat(session.login(alice(P2)).isSuccess()).isTrue();
  }

  @Test
  void aLogoutThatCannotReachTheHomeLeavesAnExpiredDevice() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    session.updateWorkspace(ws -> ws.updateCluster("OSAKA", c -> c.withTrustStores(
        c.trustStores().withTomcatTrust(List.of("B2".repeat(32))))));
    SimulationResult out = session.logout(P1);
    assertThat(out.isSuccess()).isTrue();
    assertThat(out.warnings()).anySatisfy(w -> assertThat(w).contains("expired device maintenance"));
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC1");
    assertThat(session.runExpiredDeviceMaintenance("TOKYO")).isEqualTo(1);
    assertThat(session.devicesInUse("TOKYO")).isEmpty();
  }

  @Test
  void theMaintenanceIntervalIsTheHomeClustersOwn() {
    session.updateWorkspace(ws -> ws.updateCluster("TOKYO", c -> c.withEmccFeatureConfig(
        c.emccFeatureConfig().withIntervals(10, 15, 30))));
    SimulatorSession s = new SimulatorSession(session.workspace());
    assertThat(s.login(alice(P1)).isSuccess()).isTrue();
    s.setWanUp(false);
    s.advance(Duration.ofMinutes(9));
    assertThat(s.devicesInUse("TOKYO")).containsExactly("EMCC1");
    s.advance(Duration.ofMinutes(1));
    assertThat(s.devicesInUse("TOKYO")).isEmpty();
  }

  @Test
  void thePhoneWindowLogOutLeavesAnEmccPhoneRegisteredToTheHome() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    SimulationResult out = session.phoneWindowLogout(P1, "OSAKA");
    assertThat(out.isSuccess()).as(out.steps().toString()).isTrue();
    assertThat(out.steps()).last().satisfies(s -> {
      assertThat(s.check()).isEqualTo("phoneWindow.cleanup");
      assertThat(s.message()).contains("stays registered to TOKYO as EMCC1");
    });
    // the visiting database forgot the login; the home did not
    assertThat(session.sessionOnPhone(P1)).isEmpty();
    assertThat(session.registeredToHome(P1)).hasValueSatisfying(s -> {
      assertThat(s.userId()).isEqualTo("alice");
      assertThat(s.homeCluster()).isEqualTo("TOKYO");
    });
    assertThat(session.devicesInUse("TOKYO")).containsExactly("EMCC1");
    assertThat(session.sessions()).singleElement().satisfies(s -> assertThat(s.expired()).isFalse());
    // the phone still carries alice's profile from the home: nobody else logs in on it, alice nowhere else
    SimulationResult bob = session.login(LoginAttempt.of(P1, "bob", "13579"));
    assertThat(bob.code()).isEqualTo(18);
    assertThat(bob.steps()).last().satisfies(s -> assertThat(s.message()).contains("still registered to TOKYO"));
    assertThat(session.login(alice(P2)).code()).isEqualTo(25);
    // a second Log Out in the window finds nothing to clean up
    assertThat(session.phoneWindowLogout(P1, "OSAKA").code()).isEqualTo(19);

    // the home resets the EMCC device: the phone returns to OSAKA, free
    assertThat(session.resetAtHome(P1)).isTrue();
    assertThat(session.registeredToHome(P1)).isEmpty();
    assertThat(session.devicesInUse("TOKYO")).isEmpty();
    assertThat(session.login(LoginAttempt.of(P1, "bob", "13579")).isSuccess()).isTrue();
    assertThat(session.resetAtHome(P2)).isFalse();
  }

  @Test
  void aLogoutOnAPhoneLeftRegisteredToTheHomeLogsOutFromTheHome() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    assertThat(session.phoneWindowLogout(P1, "OSAKA").isSuccess()).isTrue();
    SimulationResult out = session.logout(P1);
    assertThat(out.isSuccess()).as(out.steps().toString()).isTrue();
    assertThat(out.steps()).anySatisfy(s -> assertThat(s.message()).contains("still registered to TOKYO"));
    assertThat(session.registeredToHome(P1)).isEmpty();
    assertThat(session.devicesInUse("TOKYO")).isEmpty();
    assertThat(session.login(alice(P2)).isSuccess()).isTrue();
  }

  @Test
  void thePhoneWindowLogOutEndsALocalSession() {
    assertThat(session.login(LoginAttempt.of(P1, "carol", "86420")).isSuccess()).isTrue();
    assertThat(session.phoneWindowLogout(P1, "OSAKA").isSuccess()).isTrue();
    assertThat(session.registeredToHome(P1)).isEmpty();
    assertThat(session.sessions()).isEmpty();
    assertThat(session.login(LoginAttempt.of(P1, "carol", "86420")).isSuccess()).isTrue();
  }

  @Test
  void theWanGoingDownExpiresAPhoneLeftRegisteredToTheHome() {
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    assertThat(session.phoneWindowLogout(P1, "OSAKA").isSuccess()).isTrue();
    session.setWanUp(false);
    assertThat(session.registeredToHome(P1)).isEmpty();
    assertThat(session.sessions()).singleElement().satisfies(s -> assertThat(s.expired()).isTrue());
  }

  @Test
  void faultsInsideAClusterGiveTheirCodesUntilCleared() {
    session.setFault("OSAKA", ClusterFault.RIS_DOWN, true);
    assertThat(session.login(alice(P1)).code()).isEqualTo(29);
    assertThat(session.faults("OSAKA")).containsExactly(ClusterFault.RIS_DOWN);
    session.setFault("OSAKA", ClusterFault.RIS_DOWN, false);
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();

    session.setFault("OSAKA", ClusterFault.DATABASE_DOWN, true);
    assertThat(session.login(alice(P2)).code()).isEqualTo(6);
    SimulationResult out = session.logout(P1);
    assertThat(out.code()).isEqualTo(21);
    assertThat(out.phoneDisplay()).isEqualTo("Logout is unavailable (21)");
    session.setFault("OSAKA", ClusterFault.DATABASE_DOWN, false);
    assertThat(session.logout(P1).isSuccess()).isTrue();

    session.setFault("TOKYO", ClusterFault.DIRECTORY_DOWN, true);
    assertThat(session.login(alice(P1)).code()).isEqualTo(9);
    session.setFault("OSAKA", ClusterFault.DIRECTORY_DOWN, true);
    assertThat(session.login(LoginAttempt.of(P2, "carol", "86420")).code()).isEqualTo(204);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.setFault("NAGOYA", ClusterFault.RIS_DOWN, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAGOYA");
  }

  @Test
  void aRestartWhileTheDatabaseIsDownLeavesTheEmAppFailingUntilTheNextRestart() {
    session.setFault("OSAKA", ClusterFault.DATABASE_DOWN, true);
    session.restartExtensionMobility("OSAKA");
    session.setFault("OSAKA", ClusterFault.DATABASE_DOWN, false);
    SimulationResult r = session.login(alice(P1));
    assertThat(r.code()).isEqualTo(210);
    assertThat(r.phoneDisplay()).isEqualTo("Login is unavailable (210)");
    assertThat(session.logout(P1).code()).isEqualTo(210);
    session.restartExtensionMobility("OSAKA");
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
  }

  @Test
  void emApiRequestsAreCheckedForQueryTypeApplicationUserAndProxyRights() {
    LoginAttempt api = alice(P1).withSource("10.2.9.9", false);
    assertThat(session.login(api.withEmApi(new EmApiRequest("app", false, false, "ProfileQuery"))).code()).isEqualTo(8);
    assertThat(session.login(api.withEmApi(new EmApiRequest("app", true, false, null))).code()).isEqualTo(3);
    assertThat(session.login(api.withEmApi(new EmApiRequest(" ", false, false, null))).code()).isEqualTo(3);
    assertThat(session.login(api.withEmApi(new EmApiRequest("app", false, true, null))).code()).isEqualTo(10);
    SimulationResult ok = session.login(api.withEmApi(EmApiRequest.of("app")));
    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.steps()).anySatisfy(s -> assertThat(s.check()).isEqualTo("visiting.emApi"));
    // an EM API logout goes through the same check
    assertThat(session.logout(LoginAttempt.logout(P1).withEmApi(new EmApiRequest("app", false, true, null))).code())
        .isEqualTo(10);
    assertThat(session.logout(LoginAttempt.logout(P1).withEmApi(EmApiRequest.of("app"))).isSuccess()).isTrue();
  }

  /** Seed, restrictions: a home with Auto Registration on creates the phone anew after an EMCC logout. */
  @Test
  void aHomeWithAutoRegistrationMakesTheNextLoginOnThePhone37() {
    session.updateWorkspace(ws -> ws.updateCluster("TOKYO", c -> c.withNodes(c.nodes().stream()
        .map(n -> n.withAutoRegistration(true)).toList())));
    assertThat(session.login(alice(P1)).isSuccess()).isTrue();
    assertThat(session.logout(P1).isSuccess()).isTrue();
    SimulationResult again = session.login(alice(P1));
    assertThat(again.code()).isEqualTo(37);
    assertThat(again.steps()).anySatisfy(s -> assertThat(s.message()).contains("auto-registered a phone named " + P1));
    // another phone is not affected
    assertThat(session.login(alice(P2)).isSuccess()).isTrue();
  }

  @Test
  void theClockAdvances() {
    var start = session.now();
    session.advance(Duration.ofHours(3));
    assertThat(Duration.between(start, session.now())).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void phonesAndUsersOfTheModelAreUsedAsTheyAre() throws Exception {
    Workspace ws = base();
    Phone p = ws.cluster("OSAKA").orElseThrow().phone(P1).orElseThrow();
    EndUser u = ws.cluster("TOKYO").orElseThrow().endUser("alice").orElseThrow();
    assertThat(p.enableExtensionMobility()).isTrue();
    assertThat(u.pinMatches("24680")).isTrue();
  }
}
