package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.second;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.RemoteCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteClusterRuleTest extends RuleTestSupport {
  Rule rule() {
    return new RemoteClusterRule();
  }

  @Test
  void noRemoteCluster() {
    only(second(c -> c.withRemoteClusters(List.of())), "remote.none", "$.clusters[1].remoteClusters", 36,
        Severity.ERROR);
  }

  @Test
  void tftpOnInARemoteEntry() {
    var ws = first(c -> c.withRemoteClusters(replace(c.remoteClusters(), 0,
        r -> r.withServices(r.services().withTftp(true)))));
    only(ws, "remote.tftpOn", "$.clusters[0].remoteClusters[0].services.tftp", null, Severity.ERROR);
  }

  @Test
  void emccOffInARemoteEntry() {
    var ws = first(c -> c.withRemoteClusters(replace(c.remoteClusters(), 0,
        r -> r.withServices(r.services().withEmcc(false)))));
    only(ws, "remote.emccOff", "$.clusters[0].remoteClusters[0].services.emcc", null, Severity.ERROR);
  }

  @Test
  void entryForAnUnknownClusterLeavesTheOtherWithoutAReciprocalEntry() {
    var ws = second(c -> c.withRemoteClusters(replace(c.remoteClusters(), 0, r -> r.withClusterId("NAGOYA"))));
    List<Diagnostic> found = Fixtures.all(ws);
    assertThat(found).extracting(Diagnostic::rule, Diagnostic::path, Diagnostic::predictedError).containsExactly(
        // OSAKA still knows TOKYO's EM node, under the ID NAGOYA: the home's answer is 212, not 35
        org.assertj.core.groups.Tuple.tuple("remote.notReciprocal", "$.clusters[1].remoteClusters", 212),
        org.assertj.core.groups.Tuple.tuple("remote.unknownCluster", "$.clusters[1].remoteClusters[0].clusterId", 42));
    Diagnostic reciprocal = found.get(0);
    assertThat(reciprocal.cluster()).isEqualTo("OSAKA");
    assertThat(reciprocal.fix()).isEqualTo(new Fix("remoteCluster", "TOKYO", "clusterId"));
  }

  @Test
  void entryForItself() {
    var ws = first(c -> c.withRemoteClusters(List.of(c.remoteClusters().get(0),
        new RemoteCluster("TOKYO", "cucm-pub.tokyo.example.com", "", dev.emcc.model.RemoteServices.EMCC_ALL, null))));
    // never asked for a user: no login fails on it
    single(ws, "remote.self", "$.clusters[0].remoteClusters[1].clusterId", null, Severity.ERROR);
  }

  @Test
  void anUnknownClusterIdWhereNobodyAnswersIs40AndAMissingEntryBackIs35() {
    var ws = second(c -> c.withRemoteClusters(replace(c.remoteClusters(), 0, r -> new RemoteCluster("NAGOYA",
        "cucm-pub.nagoya.example.com", r.description(), r.services(), r.status()))));
    assertThat(Fixtures.all(ws)).extracting(Diagnostic::rule, Diagnostic::predictedError).contains(
        org.assertj.core.groups.Tuple.tuple("remote.notReciprocal", 35),
        org.assertj.core.groups.Tuple.tuple("remote.unknownCluster", 40));
  }

  @Test
  void fullyQualifiedNameNamesNoNodeOfTheRemoteCluster() {
    var ws = first(c -> c.withRemoteClusters(replace(c.remoteClusters(), 0, r -> new RemoteCluster(r.clusterId(),
        "cucm.nagoya.example.com", r.description(), r.services(), r.status()))));
    only(ws, "remote.fqdnUnknown", "$.clusters[0].remoteClusters[0].fullyQualifiedName", null, Severity.WARNING);
  }
}
