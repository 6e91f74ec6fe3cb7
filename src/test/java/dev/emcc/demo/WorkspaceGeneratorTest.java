package dev.emcc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Line;
import dev.emcc.model.Phone;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceGeneratorTest {

  @Test
  void fullSizeWorkspaceIsValidAndFitsCapacity() {
    Workspace ws = WorkspaceGenerator.generate(40_000, 40_000, 20_000, 10_000, 2, 7);
    assertThat(ws.clusters()).hasSize(2);
    assertThat(ws.clusters().stream().mapToInt(c -> c.phones().size()).sum()).isEqualTo(40_000);
    assertThat(ws.clusters().stream().mapToInt(c -> c.deviceProfiles().size()).sum()).isEqualTo(40_000);
    assertThat(ws.clusters().stream().mapToInt(c -> c.endUsers().size()).sum()).isEqualTo(20_000);
    assertThat(ws.clusters().stream().mapToInt(c -> c.emccDevices().names().size()).sum()).isEqualTo(10_000);
    assertValid(ws);
  }

  @Test
  void manyClustersAreMeshedBothWays() {
    Workspace ws = WorkspaceGenerator.generate(500, 300, 200, 50, 20, 3);
    assertThat(ws.clusters()).hasSize(20);
    assertThat(ws.clusters()).extracting(Cluster::clusterId).doesNotHaveDuplicates().contains("TOKYO", "TOKYO2");
    for (Cluster c : ws.clusters()) {
      assertThat(c.remoteClusters()).hasSize(19).extracting(RemoteCluster::clusterId).doesNotContain(c.clusterId());
      for (RemoteCluster r : c.remoteClusters()) {
        Cluster other = ws.cluster(r.clusterId()).orElseThrow();
        assertThat(r.fullyQualifiedName()).isEqualTo(other.publisher().orElseThrow().name());
        assertThat(other.trustStores().tomcatTrust()).containsAll(c.nodes().stream()
            .flatMap(n -> n.certificates().stream()).filter(x -> x.type().json().equals("tomcat"))
            .map(x -> x.sha256()).toList());
        assertThat(c.devicePools()).anySatisfy(p -> assertThat(p.geolocation()).isEqualTo("GEO_" + r.clusterId()));
      }
    }
    assertValid(ws);
  }

  @Test
  void sameSeedSameWorkspaceOtherSeedOther() {
    Workspace a = WorkspaceGenerator.generate(100, 100, 50, 10, 3, 42);
    assertThat(WorkspaceGenerator.generate(100, 100, 50, 10, 3, 42)).isEqualTo(a);
    assertThat(WorkspaceGenerator.generate(100, 100, 50, 10, 3, 43)).isNotEqualTo(a);
  }

  @Test
  void generatedUsersLogInWithTheirPublishedPin() {
    Workspace ws = WorkspaceGenerator.generate(10, 12, 6, 2, 2, 5);
    for (Cluster c : ws.clusters()) {
      for (EndUser u : c.endUsers()) {
        assertThat(u.pinMatches(WorkspaceGenerator.pin(u.userId()))).as(u.userId()).isTrue();
        assertThat(u.pinMatches("00000")).isFalse();
      }
    }
  }

  @Test
  void impossibleCountsAreRefusedWithAReason() {
    assertThatThrownBy(() -> WorkspaceGenerator.generate(100_001, 0, 0, 10_000, 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60000");
    assertThatThrownBy(() -> WorkspaceGenerator.generate(10, 5, 6, 1, 2, 1))
        .hasMessageContaining("profiles (5) must be at least users (6)");
    assertThatThrownBy(() -> WorkspaceGenerator.generate(10, 5, 5, 1, 1, 1)).hasMessageContaining("clusters");
    assertThatThrownBy(() -> WorkspaceGenerator.generate(-1, 5, 5, 1, 2, 1)).hasMessageContaining("negative");
    // exactly at the limit is fine: 2 x (40,000 + 2 x 10,000)
    assertThat(WorkspaceGenerator.generate(80_000, 0, 0, 20_000, 2, 1).clusters())
        .allSatisfy(c -> assertThat(c.countedDevices()).isEqualTo(60_000));
  }

  @Test
  void profilesWithoutUsersAreSpare() {
    Workspace ws = WorkspaceGenerator.generate(4, 4, 0, 2, 2, 1);
    assertThat(ws.clusters()).allSatisfy(c -> assertThat(c.deviceProfiles()).hasSize(2)
        .allSatisfy(p -> assertThat(p.name()).startsWith("UDP_SPARE_")));
  }

  /**
   * The invariants the generator promises (the rules engine checks these and more). Collected as
   * a list of violations: one AssertJ assertion per element of 100,000 would dominate the run.
   */
  static void assertValid(Workspace ws) {
    List<String> violations = new ArrayList<>();
    Set<String> phoneNames = new HashSet<>();
    Set<String> userIds = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (Cluster c : ws.clusters()) {
      String at = c.clusterId() + ": ";
      check(violations, c.countedDevices() <= c.maxPhones(), at + "over capacity");
      check(violations, c.interclusterServiceProfile().emccActive(), at + "EMCC not active");
      check(violations, c.node(c.emccFeatureConfig().defaultTftpServer()).isPresent(), at + "TFTP server unknown");
      Set<String> profileNames = new HashSet<>();
      for (DeviceProfile p : c.deviceProfiles()) {
        check(violations, profileNames.add(p.name()), at + "duplicate profile " + p.name());
        check(violations, p.name().length() <= DeviceProfile.MAX_NAME_LENGTH, at + "long name " + p.name());
        for (Line l : p.lines()) {
          check(violations, numbers.add(l.directoryNumber()), at + "duplicate DN " + l.directoryNumber());
        }
      }
      Set<String> controlled = new HashSet<>();
      for (EndUser u : c.endUsers()) {
        check(violations, userIds.add(u.userId()), at + "duplicate user " + u.userId());
        check(violations, u.enableExtensionMobilityCrossCluster(), at + "EMCC off for " + u.userId());
        check(violations, !u.controlledProfiles().isEmpty(), at + "no profile for " + u.userId());
        for (String p : u.controlledProfiles()) {
          check(violations, profileNames.contains(p), at + "unknown profile " + p);
          check(violations, controlled.add(p), at + "profile controlled twice " + p);
        }
      }
      for (Phone p : c.phones()) {
        check(violations, phoneNames.add(p.name()), at + "duplicate phone " + p.name());
        check(violations, p.name().matches("SEP[0-9A-F]{12}"), at + "bad phone name " + p.name());
        check(violations, p.enableExtensionMobility(), at + "EM off on " + p.name());
        check(violations, p.subscribedServices().equals(List.of(WorkspaceGenerator.EM_SERVICE)),
            at + "not subscribed " + p.name());
        check(violations, c.devicePool(p.devicePool()).isPresent(), at + "unknown pool on " + p.name());
      }
      for (String e : c.emccDevices().names()) {
        check(violations, !phoneNames.contains(e), at + "EMCC device named like a phone " + e);
      }
    }
    assertThat(violations).isEmpty();
  }

  private static void check(List<String> violations, boolean ok, String violation) {
    if (!ok && violations.size() < 20) {
      violations.add(violation);
    }
  }
}
