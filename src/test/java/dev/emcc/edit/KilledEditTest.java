package dev.emcc.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.store.KeptColumns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit whose process is killed (SIGKILL) inside its transaction leaves the database as it was:
 * workspace, history, revisions and kept BAT columns; the next edit and undo work on it.
 */
class KilledEditTest {
  @TempDir Path dir;

  @Test
  void anEditKilledInsideItsTransactionLeavesTheStoreAsItWas() throws Exception {
    Path db = dir.resolve("workspace.db");
    try (EditService edits = EditService.database(db)) {
      edits.apply(Proposal.of(DemoWorkspace.create(), Origin.importOf(Path.of("demo.json"))));
      edits.apply(Proposal.of(DemoWorkspace.create(), new Origin(Origin.Kind.BAT, "BAT import p.csv"))
          .keeping(List.of(new KeptColumns.Entry("TOKYO", "phones", Map.of("SEP001", Map.of("Module 1", "BEKEM"))))));
    }
    StoreState before = StoreState.of(db);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        EditThenHang.class.getName(), db.toString(), "8000")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("IN_TRANSACTION");
      // the uncommitted edit has spilled pages into the WAL: the kill lands mid-write
      assertThat(Files.size(dir.resolve("workspace.db-wal"))).isGreaterThan(1_000_000);
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(StoreState.of(db)).isEqualTo(before);
    StoreState.assertIntact(db);
    try (EditService edits = EditService.database(db)) {
      assertThat(edits.undoLatest().orElseThrow().undoneSummary()).isEqualTo("import demo.json");
      assertThat(edits.load().clusters()).isEmpty();
    }
  }
}
