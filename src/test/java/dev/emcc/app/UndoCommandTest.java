package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.StoreFixtures;
import dev.emcc.store.WorkspaceStore;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc undo}: the database's history walked back one change at a time, each undo a change of its own. */
class UndoCommandTest {
  @TempDir Path dir;
  private Locale locale;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void english() {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(locale);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return CliRun.execute(out, err, args);
  }

  private Path document(String name, Workspace ws) throws Exception {
    Path file = dir.resolve(name);
    WorkspaceFormat.write(ws, file);
    return file;
  }

  private static Workspace stored(Path db) {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  @Test
  void undoWalksBackThroughTheImportsAndSaysWhatItUndid() throws Exception {
    Path db = dir.resolve("ws.db");
    Workspace first = StoreFixtures.twoClusters();
    Workspace second = first.updateCluster("OSAKA", c -> c.withVersion("15.0"));
    assertThat(run("import", document("first.json", first).toString(), "--db", db.toString())).isZero();
    assertThat(run("import", document("second.json", second).toString(), "--db", db.toString())).isZero();

    assertThat(run("undo", "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Undid change set 2 (import second.json)").contains("change set 3")
        .contains("OSAKA cluster: 1 changed");
    assertThat(err.toString()).isEmpty();
    assertThat(stored(db)).isEqualTo(first);

    // again: the undo itself is not undone (that would be a redo); the import before it is
    assertThat(run("undo", "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Undid change set 1 (import first.json)")
        .contains("TOKYO: cluster removed").contains("OSAKA: cluster removed");
    assertThat(stored(db).clusters()).isEmpty();

    assertThat(run("undo", "--db", db.toString())).isEqualTo(ExitCodes.FINDINGS);
    assertThat(out.toString()).contains("Nothing to undo in " + db);
    assertThat(stored(db).clusters()).isEmpty();
  }

  @Test
  void aMissingDatabaseIsBadInputAndCreatesNothing() {
    Path db = dir.resolve("nothing.db");
    assertThat(run("undo", "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("No workspace database");
    assertThat(db).doesNotExist();
  }

  @Test
  void japanese() throws Exception {
    Path db = dir.resolve("ws.db");
    assertThat(run("import", document("first.json", StoreFixtures.twoClusters()).toString(), "--db", db.toString()))
        .isZero();
    Locale.setDefault(Locale.JAPANESE);
    assertThat(run("undo", "--db", db.toString())).isZero();
    assertThat(out.toString()).contains("変更セット 1（import first.json）を元に戻しました");
    assertThat(run("undo", "--db", db.toString())).isEqualTo(ExitCodes.FINDINGS);
    assertThat(out.toString()).contains("元に戻せる変更がありません");
  }
}
