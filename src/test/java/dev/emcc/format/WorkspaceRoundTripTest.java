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

  @Test
  void editingAClusterOfImmutableListsWorks() {
    Cluster tokyo = StoreFixtures.twoClusters().cluster("TOKYO").orElseThrow();
    assertThat(tokyo.withPhones(List.of()).phones()).isEmpty();
  }
}
