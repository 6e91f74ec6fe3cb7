package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.sim.PredictedLogin.Subject;
import org.junit.jupiter.api.Test;

/** The logins a finding is about, run through the simulator on the teaching scenarios' workspaces. */
class PredictedLoginTest {

  static Workspace of(String scenario) throws Exception {
    return ScenarioCatalog.scenario(scenario).orElseThrow().workspace();
  }

  @Test
  void aClusterAsTheHomeFindsItsUserOnAPhoneOfTheOther() throws Exception {
    var run = PredictedLogin.failingWith(of("e39-tftp-server-unknown"), Subject.cluster("TOKYO"), 39).orElseThrow();
    assertThat(run.candidate().userId()).isEqualTo("alice");
    assertThat(run.candidate().phone()).isEqualTo("SEP00AABBCC0201");
    assertThat(run.candidate().visitingCluster()).isEqualTo("OSAKA");
    assertThat(run.result().phoneDisplay()).isEqualTo("Please try to login again (201)");
  }

  @Test
  void aClusterAsTheVisitingClusterIsTriedToo() throws Exception {
    var run = PredictedLogin.failingWith(of("e211-pstn-access-inactive"), Subject.cluster("OSAKA"), 211).orElseThrow();
    assertThat(run.candidate().visitingCluster()).isEqualTo("OSAKA");
    assertThat(run.candidate().homeCluster()).isEqualTo("TOKYO");
  }

  @Test
  void aPhoneOrAUserNarrowsTheLogins() throws Exception {
    assertThat(PredictedLogin.failingWith(of("e37-duplicate-device-name"), new Subject("TOKYO", "SEP00AABBCC0201", null), 37))
        .hasValueSatisfying(r -> assertThat(r.candidate().visitingCluster()).isEqualTo("OSAKA"));
    assertThat(PredictedLogin.failingWith(of("e31-user-emcc-off"), new Subject("TOKYO", null, "alice"), 31)).isPresent();
    assertThat(PredictedLogin.failingWith(of("e22-phone-em-off"), new Subject("OSAKA", "SEP00AABBCC0201", null), 22))
        .hasValueSatisfying(r -> assertThat(r.candidate().userId()).isEqualTo("alice"));
    assertThat(PredictedLogin.candidates(of("e22-phone-em-off"), new Subject("OSAKA", "SEP00AABBCC0201", null)))
        .allSatisfy(c -> assertThat(c.phone()).isEqualTo("SEP00AABBCC0201"));
  }

  @Test
  void onTheDemoEveryLoginSucceedsWhateverPinTheUsersHave() {
    Workspace demo = DemoWorkspace.create();
    for (String cluster : new String[] {"TOKYO", "OSAKA"}) {
      var runs = PredictedLogin.run(demo, Subject.cluster(cluster));
      assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.result().isSuccess()).as(r.toString()).isTrue());
    }
    assertThat(PredictedLogin.failingWith(demo, Subject.cluster("TOKYO"), 39)).isEmpty();
    assertThat(PredictedLogin.candidates(demo, Subject.cluster("NAGOYA"))).isEmpty();
  }

  /** Seed, restrictions: with Auto Registration on, the home creates the phone anew after an EMCC logout. */
  @Test
  void aLoginAfterALogoutMeetsThePhoneTheHomeAutoRegistered() {
    Workspace auto = DemoWorkspace.create().updateCluster("TOKYO", c -> c.withNodes(c.nodes().stream()
        .map(n -> n.withAutoRegistration(true)).toList()));
    var run = PredictedLogin.failingWith(auto, Subject.cluster("TOKYO"), 37).orElseThrow();
    assertThat(run.again()).isTrue();
    assertThat(run.candidate().homeCluster()).isEqualTo("TOKYO");
    assertThat(run.result().steps()).anySatisfy(s -> assertThat(s.message()).contains("auto-registered"));
    assertThat(PredictedLogin.failingWith(DemoWorkspace.create(), Subject.cluster("TOKYO"), 37)).isEmpty();
  }

  @Test
  void theUserTypesTheIdentifierTheLoginTypeAsksFor() throws Exception {
    Workspace dn = DemoWorkspace.create().updateCluster("OSAKA", c -> c.withPhoneServices(c.phoneServices().stream()
        .map(s -> new dev.emcc.model.PhoneService(s.name(), s.description(), s.serviceUrl() + "&loginType=DN",
            s.secureServiceUrl(), s.serviceCategory(), s.serviceType(), s.enabled(), s.enterpriseSubscription()))
        .toList()));
    var c = PredictedLogin.candidates(dn, new Subject("TOKYO", null, "alice")).get(0);
    assertThat(c.attempt().userId()).isEqualTo("1001");
    assertThat(PredictedLogin.run(dn, c).result().isSuccess()).isTrue();
  }
}
