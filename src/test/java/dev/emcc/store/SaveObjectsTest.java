package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's batch write: one transaction, revisions from the change set, unchanged objects skipped. */
class SaveObjectsTest {
  @TempDir
  Path dir;

  static JsonNode phone(String name, String description) throws Exception {
    return Json.mapper().readTree("{\"name\":\"" + name + "\",\"description\":\"" + description + "\"}");
  }

  static List<WorkspaceStore.ObjectWrite> phones(int n, String description) throws Exception {
    List<WorkspaceStore.ObjectWrite> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new WorkspaceStore.ObjectWrite("phones", "SEP" + i, phone("SEP" + i, description)));
    }
    return out;
  }

  @Test
  void aBatchCreatesTheClusterAndWritesOnlyWhatChanged() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("node.db"))) {
      SaveResult first = store.saveObjects("TOKYO", phones(300, "a"), "batch");
      assertThat(store.clusterIds()).containsExactly("TOKYO");
      assertThat(store.revision("TOKYO")).isEqualTo(first.changeSetId());
      assertThat(store.objects("TOKYO")).hasSize(301); // the cluster singleton too
      List<WorkspaceStore.ObjectWrite> next = phones(300, "a");
      next.set(7, new WorkspaceStore.ObjectWrite("phones", "SEP7", phone("SEP7", "b")));
      next.add(new WorkspaceStore.ObjectWrite("phones", "SEP8", null));
      SaveResult second = store.saveObjects("TOKYO", next.subList(5, next.size()), "batch");
      assertThat(second.changes()).hasSize(2);
      assertThat(store.revision("TOKYO", "phones", "SEP7")).isEqualTo(second.changeSetId());
      assertThat(store.revision("TOKYO", "phones", "SEP9")).isEqualTo(first.changeSetId());
      assertThat(store.revision("TOKYO", "phones", "SEP8")).isZero();
      assertThat(store.load().cluster("TOKYO").orElseThrow().phones()).hasSize(299);
    }
  }

  @Test
  void aFailureBeforeCommitLeavesNothing() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("node.db"))) {
      store.saveObjects("TOKYO", phones(10, "a"), "batch");
      long revision = store.revision("TOKYO");
      store.beforeCommit(() -> {
        throw new IllegalStateException("the node stops here");
      });
      assertThatThrownBy(() -> store.saveObjects("TOKYO", phones(500, "b"), "batch"))
          .hasMessageContaining("the node stops here");
      store.beforeCommit(null);
      assertThat(store.revision("TOKYO")).isEqualTo(revision);
      assertThat(store.objects("TOKYO")).hasSize(11)
          .allSatisfy(r -> assertThat(r.json()).doesNotContain("\"b\""));
    }
  }

  @Test
  void aBadObjectIsRefusedBeforeAnythingIsWritten() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(dir.resolve("node.db"))) {
      List<WorkspaceStore.ObjectWrite> writes = phones(3, "a");
      writes.add(new WorkspaceStore.ObjectWrite("phones", "X", Json.mapper().readTree("{\"name\":\"X\",\"modle\":1}")));
      assertThatThrownBy(() -> store.saveObjects("TOKYO", writes, "batch"))
          .isInstanceOf(dev.emcc.format.DocumentException.class);
      assertThat(store.clusterIds()).isEmpty();
      assertThatThrownBy(() -> store.saveObjects("TOKYO",
          List.of(new WorkspaceStore.ObjectWrite("trustStores", "", null)), "batch"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
