package dev.emcc.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.store.StoreFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the format writes it must read back: the store and export depend on it. */
class WorkspaceRoundTripTest {

  @Test
  void aWrittenWorkspaceReadsBackEqual() throws Exception {
    Workspace ws = StoreFixtures.twoClusters();
    assertThat(WorkspaceFormat.read(WorkspaceFormat.toJson(ws), "again")).isEqualTo(ws);
  }

  /** A phone's TFTP Encrypted Config (ours) is written only when on, and read back either way. */
  @Test
  void tftpEncryptedConfigIsWrittenOnlyWhenOn() throws Exception {
    Workspace ws = StoreFixtures.twoClusters();
    assertThat(WorkspaceFormat.toJson(ws)).doesNotContain("tftpEncryptedConfig");
    Workspace on = ws.updateCluster("OSAKA", c -> c.withPhones(
        c.phones().stream().map(p -> p.withTftpEncryptedConfig(true)).toList()));
    String json = WorkspaceFormat.toJson(on);
    assertThat(json).contains("\"tftpEncryptedConfig\" : true");
    Workspace back = WorkspaceFormat.read(json, "again");
    assertThat(back).isEqualTo(on);
    assertThat(back.cluster("OSAKA").orElseThrow().phones()).allSatisfy(p -> assertThat(p.tftpEncryptedConfig()).isTrue());
  }

  @Test
  void editingAClusterOfImmutableListsWorks() {
    Cluster tokyo = StoreFixtures.twoClusters().cluster("TOKYO").orElseThrow();
    assertThat(tokyo.withPhones(List.of()).phones()).isEmpty();
  }
}
