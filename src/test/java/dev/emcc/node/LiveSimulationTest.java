package dev.emcc.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.BundleAlias;
import dev.emcc.certs.CertificateBundle;
import dev.emcc.certs.TrustImport;
import dev.emcc.model.Certificate;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.sim.LoginAttempt;
import dev.emcc.sim.Scenario;
import dev.emcc.sim.ScenarioCatalog;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Simulator;
import dev.emcc.sim.SimulatorSession;
import dev.emcc.sim.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The simulator with its clusters as live HTTPS nodes gives what the in-process simulator gives. */
class LiveSimulationTest {
  private static LiveNetwork network;

  @BeforeAll
  static void startNetwork() {
    // one network for the class: nodes and issued keys are shared by every scenario
    network = new LiveNetwork();
  }

  @AfterAll
  static void stopNetwork() {
    network.close();
  }

  @TestFactory
  Stream<DynamicTest> everyTeachingScenarioGivesTheSameResultLiveAndInProcess() {
    return ScenarioCatalog.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Scenario s = ScenarioCatalog.scenario(name).orElseThrow();
      SimulationResult expected = Simulator.run(s);
      SimulationResult live = Simulator.run(s, network::open);
      String why = name + "\n in process: " + tail(expected) + "\n live: " + tail(live);
      assertThat(live.result()).as(why).isEqualTo(expected.result());
      assertThat(live.code()).as(why).isEqualTo(expected.code());
      assertThat(live.emccStatus()).as(why).isEqualTo(expected.emccStatus());
      assertThat(live.homeCluster()).as(why).isEqualTo(expected.homeCluster());
      assertThat(live.emccDevice()).as(why).isEqualTo(expected.emccDevice());
      assertThat(live.roamingDevicePool()).as(why).isEqualTo(expected.roamingDevicePool());
      assertThat(live.codecPreference()).as(why).isEqualTo(expected.codecPreference());
      assertThat(live.warnings()).as(why).isEqualTo(expected.warnings());
      assertThat(live.phoneDisplay()).as(why).isEqualTo(expected.phoneDisplay());
      assertThat(hops(live)).as(why).isEqualTo(hops(expected));
    }));
  }

  @Test
  void theLoginFailsWith208BeforeTheCertificateExchangeAndSucceedsAfterIt() throws Exception {
    Scenario s = ScenarioCatalog.scenario("ok-emcc-login").orElseThrow();
    Workspace withoutTrust = new Workspace(s.workspace().formatVersion(), s.workspace().clusters().stream()
        .map(c -> c.withTrustStores(c.trustStores().withTomcatTrust(List.of()))).toList());
    SimulatorSession session = network.open(withoutTrust);
    LoginAttempt attempt = s.attempt();

    SimulationResult before = session.login(attempt);
    assertThat(before.result()).isEqualTo("failure");
    assertThat(before.code()).isEqualTo(208);

    // the certificate exchange: each cluster's Tomcat certificates imported into the other's trust
    Workspace live = session.workspace();
    List<Cluster> exchanged = new ArrayList<>();
    for (Cluster target : live.clusters()) {
      List<CertificateBundle.Entry> entries = new ArrayList<>();
      for (Cluster other : live.clusters()) {
        if (other == target) {
          continue;
        }
        for (Node n : other.nodes()) {
          for (Certificate c : n.certificates()) {
            if (LiveCertificates.isTomcat(c.type())) {
              entries.add(new CertificateBundle.Entry(new BundleAlias(other.clusterId(), n.name(), c.type()),
                  certificate(other, n, c)));
            }
          }
        }
      }
      exchanged.add(TrustImport.compute(target, new CertificateBundle(entries)).applyTo(target));
    }
    session.setWorkspace(new Workspace(live.formatVersion(), exchanged));

    SimulationResult after = session.login(attempt);
    assertThat(after.result()).as(after.steps().toString()).isEqualTo("success");
    assertThat(after.emccDevice()).isNotNull();
    assertThat(network.nodeCount()).isPositive();
  }

  @Test
  void aCertificateOfTheRightFingerprintButAnotherKeyIsRefused() throws Exception {
    // trust names fingerprints of certificates the nodes do not present: the handshake must fail
    Scenario s = ScenarioCatalog.scenario("ok-emcc-login").orElseThrow();
    SimulatorSession session = network.open(s.workspace());
    Workspace live = session.workspace();
    session.setWorkspace(new Workspace(live.formatVersion(), live.clusters().stream()
        .map(c -> c.withTrustStores(c.trustStores().withTomcatTrust(
            c.trustStores().tomcatTrust().stream().map(f -> f.substring(1) + "0").toList()))).toList()));
    assertThat(session.login(s.attempt()).code()).isEqualTo(208);
  }

  @Test
  void trustRemovedAfterASuccessfulLoginIsNoLongerTrustedOnTheNextLogin() throws Exception {
    // the first login leaves a kept-alive HTTPS connection behind: it must not carry the old trust
    Scenario s = ScenarioCatalog.scenario("ok-emcc-login").orElseThrow();
    SimulatorSession session = network.open(s.workspace());
    LoginAttempt attempt = s.attempt();
    SimulationResult first = session.login(attempt);
    assertThat(first.isSuccess()).as(first.steps().toString()).isTrue();
    String visiting = first.visitingCluster();
    assertThat(session.logout(attempt.phone(), visiting).isSuccess()).isTrue();
    Workspace trusting = session.workspace();
    // the visiting cluster forgets every certificate (the trainer's "certificate missing")
    session.setWorkspace(trusting.updateCluster(visiting,
        c -> c.withTrustStores(c.trustStores().withTomcatTrust(List.of()))));
    assertThat(session.login(attempt).code()).isEqualTo(208);
    session.setWorkspace(trusting);
    assertThat(session.login(attempt).isSuccess()).isTrue();
  }

  @Test
  void simulateLiveRunsAScenarioOverTheWire() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = dev.emcc.app.Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute("simulate", "--scenario", "e208-untrusted-tomcat", "--live", "--json");
    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("\"code\" : 208").contains("tomcat-trust");
    assertThat(cli.execute("simulate", "--list", "--live")).isEqualTo(2);
  }

  /** The certificate behind a live workspace entry: the network issued it, and keeps it per node and type. */
  private static java.security.cert.X509Certificate certificate(Cluster cluster, Node node, Certificate c) {
    return network.certificates().material(cluster.clusterId(), node, c.type()).certificate();
  }

  private static List<Step> tail(SimulationResult r) {
    return r.steps().subList(Math.max(0, r.steps().size() - 2), r.steps().size());
  }

  private static List<String> hops(SimulationResult r) {
    return r.steps().stream().map(LiveSimulationTest::hop).toList();
  }

  private static String hop(Step s) {
    return s.from() + ">" + s.to() + ":" + s.check() + ":" + s.ok();
  }
}
