package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Certificate;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteServices;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search for the home cluster among several remote clusters, in the order of the entries. */
class HomeClusterSearchTest {

  /** The demo plus NAGOYA (a copy of OSAKA without users or phones); OSAKA asks NAGOYA first, then TOKYO. */
  static Workspace threeClusters() {
    Workspace demo = DemoWorkspace.create();
    Cluster osaka = demo.cluster("OSAKA").orElseThrow();
    List<Node> nagoyaNodes = osaka.nodes().stream().map(n -> new Node(n.name().replace("osaka", "nagoya"),
        n.address().replace("10.2.", "10.3."), n.publisher(), false, n.services(), n.certificates())).toList();
    List<String> osakaCerts = osaka.nodes().stream().flatMap(n -> n.certificates().stream())
        .map(Certificate::sha256).toList();
    Cluster nagoya = osaka.withClusterId("NAGOYA").withNodes(nagoyaNodes).withEndUsers(List.of())
        .withPhones(List.of()).withDeviceProfiles(List.of())
        .withTrustStores(osaka.trustStores().withTomcatTrust(osakaCerts))
        .withRemoteClusters(List.of(new RemoteCluster("OSAKA", "cucm-pub.osaka.example.com", "",
            RemoteServices.EMCC_ALL, null)));
    List<String> osakaTrust = new ArrayList<>(osaka.trustStores().tomcatTrust());
    osakaTrust.addAll(osakaCerts); // NAGOYA's placeholder certificates are OSAKA's
    List<RemoteCluster> entries = new ArrayList<>();
    entries.add(new RemoteCluster("NAGOYA", "cucm-pub.nagoya.example.com", "", RemoteServices.EMCC_ALL, null));
    entries.addAll(osaka.remoteClusters());
    Cluster osaka2 = osaka.withRemoteClusters(entries)
        .withTrustStores(osaka.trustStores().withTomcatTrust(osakaTrust));
    return demo.withCluster(osaka2).withCluster(nagoya);
  }

  static LoginAttempt alice() {
    return LoginAttempt.of("SEP00AABBCC0201", "alice", "24680").withVisitingCluster("OSAKA");
  }

  @Test
  void eachRemoteClusterIsAskedInTurnUntilOneKnowsTheUser() {
    SimulationResult r = new SimulatorSession(threeClusters()).login(alice());
    assertThat(r.isSuccess()).as(r.steps().toString()).isTrue();
    assertThat(r.homeCluster()).isEqualTo("TOKYO");
    List<String> search = r.steps().stream().filter(s -> "visiting.findHomeCluster".equals(s.check()))
        .map(Step::message).toList();
    assertThat(search).containsExactly("Remote cluster NAGOYA does not know alice.",
        "alice is a user of TOKYO: home cluster found.");
  }

  @Test
  void aRemoteClusterThatCannotBeAskedDoesNotStopTheSearch() {
    SimulatorSession session = new SimulatorSession(threeClusters().updateCluster("NAGOYA",
        c -> c.withNodes(c.nodes().stream().map(n -> n.withServices(n.services().withExtensionMobility(false)))
            .toList())));
    SimulationResult r = session.login(alice());
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.steps()).anySatisfy(s -> assertThat(s.message())
        .isEqualTo("Cisco Extension Mobility is not active on cucm-pub.nagoya.example.com (NAGOYA)."));
  }

  @Test
  void whenNobodyKnowsTheUserTheFirstReasonARemoteCouldNotBeAskedIsTheCode() {
    SimulatorSession session = new SimulatorSession(threeClusters().updateCluster("NAGOYA",
        c -> c.withNodes(c.nodes().stream().map(n -> n.withServices(n.services().withExtensionMobility(false)))
            .toList())));
    SimulationResult r = session.login(LoginAttempt.of("SEP00AABBCC0201", "nobody", "1").withVisitingCluster("OSAKA"));
    assertThat(r.code()).isEqualTo(208);
    SimulationResult ok = new SimulatorSession(threeClusters())
        .login(LoginAttempt.of("SEP00AABBCC0201", "nobody", "1").withVisitingCluster("OSAKA"));
    assertThat(ok.code()).isEqualTo(23);
  }
}
