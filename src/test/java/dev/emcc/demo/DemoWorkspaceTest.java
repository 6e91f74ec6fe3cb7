package dev.emcc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoWorkspaceTest {
  private final Workspace ws = DemoWorkspace.create();

  @Test
  void twoClustersTokyoAndOsaka() {
    assertThat(ws.clusters()).extracting(Cluster::clusterId).containsExactly("TOKYO", "OSAKA");
    assertThat(ws.clusters()).allSatisfy(c -> {
      assertThat(c.version()).isEqualTo("14.0");
      assertThat(c.nodes()).hasSizeBetween(2, 3);
      assertThat(c.nodes()).noneMatch(Node::autoRegistration);
      assertThat(c.nodes()).filteredOn(Node::publisher).singleElement()
          .satisfies(p -> assertThat(p.services().ils()).isTrue());
      assertThat(c.nodes()).filteredOn(n -> !n.publisher()).allSatisfy(n -> assertThat(n.services().ils()).isFalse());
    });
  }

  @Test
  void everyUserControlsAProfileAndKnowsThePin() {
    for (Cluster c : ws.clusters()) {
      assertThat(c.endUsers()).hasSize(6);
      for (EndUser u : c.endUsers()) {
        assertThat(u.enableExtensionMobilityCrossCluster()).isTrue();
        assertThat(u.controlledProfiles()).isNotEmpty().allSatisfy(p -> assertThat(c.deviceProfile(p)).isPresent());
        assertThat(u.pinMatches(DemoWorkspace.pin(u.userId()))).as(u.userId()).isTrue();
      }
      String prefix = c.clusterId().equals("TOKYO") ? "1" : "2";
      assertThat(c.deviceProfiles()).flatExtracting(DeviceProfile::lines)
          .allSatisfy(l -> assertThat(l.directoryNumber()).startsWith(prefix).hasSize(4));
    }
  }

  @Test
  void deviceNamesAndUserIdsAreUniqueAcrossClusters() {
    Set<String> phones = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (Cluster c : ws.clusters()) {
      for (Phone p : c.phones()) {
        assertThat(phones.add(p.name())).as(p.name()).isTrue();
        assertThat(p.name()).matches("SEP[0-9A-F]{12}");
        assertThat(p.enableExtensionMobility()).isTrue();
        assertThat(p.subscribedServices()).contains(DemoWorkspace.EM_SERVICE);
      }
      c.endUsers().forEach(u -> assertThat(users.add(u.userId())).isTrue());
    }
  }

  @Test
  void trustStoresHoldTheOtherClustersCertificates() {
    Cluster tokyo = ws.cluster("TOKYO").orElseThrow();
    Cluster osaka = ws.cluster("OSAKA").orElseThrow();
    for (Node n : osaka.nodes()) {
      n.certificates().stream().filter(c -> c.type() == CertificateType.TOMCAT)
          .forEach(c -> assertThat(tokyo.trustStores().tomcatTrust()).contains(c.sha256()));
      n.certificates().stream().filter(c -> c.type() == CertificateType.CALL_MANAGER)
          .forEach(c -> assertThat(tokyo.trustStores().callManagerTrust()).contains(c.sha256())
              .satisfies(x -> assertThat(tokyo.trustStores().phoneSastTrust()).contains(c.sha256())));
    }
    assertThat(osaka.trustStores().tomcatTrust()).hasSize(2 * tokyo.nodes().size());
  }

  @Test
  void remoteClustersPointAtEachOther() {
    Cluster tokyo = ws.cluster("TOKYO").orElseThrow();
    Cluster osaka = ws.cluster("OSAKA").orElseThrow();
    assertThat(tokyo.remoteCluster("OSAKA").orElseThrow().fullyQualifiedName())
        .isEqualTo(osaka.publisher().orElseThrow().name());
    assertThat(osaka.remoteCluster("TOKYO").orElseThrow().services().tftp()).isFalse();
    assertThat(tokyo.sipTrunk("EMCC_TRUNK").orElseThrow().destinations())
        .containsExactlyElementsOf(osaka.nodes().stream().map(Node::address).toList());
    assertThat(tokyo.extensionMobilityServices()).singleElement()
        .satisfies(s -> assertThat(s.serviceUrl())
            .isEqualTo("http://10.1.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#"));
    assertThat(tokyo.countedDevices()).isEqualTo(6 + 2 * 10);
  }

  @Test
  void survivesTheDocumentFormat() throws Exception {
    Workspace back = WorkspaceFormat.read(WorkspaceFormat.toBytes(ws), "demo.json");
    assertThat(back).isEqualTo(ws);
    assertThat(DemoWorkspace.userIds()).hasSize(12).contains("alice", "carol");
    assertThat(List.of(DemoWorkspace.pin("alice"))).containsExactly("24680");
  }
}
