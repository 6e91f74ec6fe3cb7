package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of a save leaves the previous state whole: a child JVM saves a
 * big workspace and is killed (SIGKILL) inside the transaction, then the store is opened again.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void aSaveKilledInsideItsTransactionLeavesThePreviousStateWhole() throws Exception {
    Path db = dir.resolve("workspace.db");
    Workspace before = StoreFixtures.generated(500, 200, 100, 10);
    long revision;
    List<HistoryEntry> history;
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(before);
      revision = store.revision("TOKYO");
      history = store.history(50);
    }

    Process child = startChild("hang", db, 8_000);
    try (BufferedReader out = reader(child)) {
      assertThat(out.readLine()).isEqualTo("IN_TRANSACTION");
      // The uncommitted save has already spilled pages into the WAL: the kill lands mid-write.
      assertThat(Files.size(dir.resolve("workspace.db-wal"))).isGreaterThan(1_000_000);
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(WorkspaceFormat.toJson(store.load())).isEqualTo(WorkspaceFormat.toJson(before));
      assertThat(store.revision("TOKYO")).isEqualTo(revision);
      assertThat(store.history(50)).isEqualTo(history);
      try (var st = store.connection().createStatement();
          var rs = st.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }
  }

  @Test
  void aProcessKilledWhileSavingInALoopLeavesOneWholeWorkspace() throws Exception {
    Path db = dir.resolve("workspace.db");
    Process child = startChild("loop", db, 2_000);
    try (BufferedReader out = reader(child)) {
      // Let a few saves commit, then kill wherever the next one has got to.
      for (int i = 1; i <= 3; i++) {
        assertThat(out.readLine()).isEqualTo("SAVED " + i);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    String small = WorkspaceFormat.toJson(StoreFixtures.twoClusters());
    String big = WorkspaceFormat.toJson(StoreFixtures.generated(2_000, 1_000, 500, 100));
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      String loaded = WorkspaceFormat.toJson(store.load());
      // pinHash salts differ between generated workspaces: compare without the end users' hashes.
      assertThat(withoutPinHashes(loaded)).isIn(withoutPinHashes(small), withoutPinHashes(big));
      assertThat(store.history(1)).hasSize(1);
    }
  }

  private static String withoutPinHashes(String json) {
    return json.replaceAll("\"pinHash\" : \"[^\"]*\"", "\"pinHash\" : \"-\"");
  }

  private static Process startChild(String mode, Path db, int phones) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        SaveThenHang.class.getName(), mode, db.toString(), String.valueOf(phones))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
