package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.StoreFixtures;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc undo}: the database's history walked back one change at a time, each undo a change of its own. */
class UndoCommandTest {
  @TempDir Path dir;
  @RegisterExtension final EnglishCli cli = new EnglishCli();

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
    assertThat(cli.run("import", document("first.json", first).toString(), "--db", db.toString())).isZero();
    assertThat(cli.run("import", document("second.json", second).toString(), "--db", db.toString())).isZero();

    assertThat(cli.run("undo", "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Undid change set 2 (import second.json)").contains("change set 3")
        .contains("OSAKA cluster: 1 changed");
    assertThat(cli.err()).isEmpty();
    assertThat(stored(db)).isEqualTo(first);

    // again: the undo itself is not undone (that would be a redo); the import before it is
    assertThat(cli.run("undo", "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Undid change set 1 (import first.json)")
        .contains("TOKYO: cluster removed").contains("OSAKA: cluster removed");
    assertThat(stored(db).clusters()).isEmpty();

    assertThat(cli.run("undo", "--db", db.toString())).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).contains("Nothing to undo in " + db);
    assertThat(stored(db).clusters()).isEmpty();
  }

  @Test
  void aMissingDatabaseIsBadInputAndCreatesNothing() {
    Path db = dir.resolve("nothing.db");
    assertThat(cli.run("undo", "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("No workspace database");
    assertThat(db).doesNotExist();
  }

  @Test
  void japanese() throws Exception {
    Path db = dir.resolve("ws.db");
    assertThat(cli.run("import", document("first.json", StoreFixtures.twoClusters()).toString(), "--db", db.toString()))
        .isZero();
    Locale.setDefault(Locale.JAPANESE);
    assertThat(cli.run("undo", "--db", db.toString())).isZero();
    assertThat(cli.out()).contains("変更セット 1（import first.json）を元に戻しました");
    assertThat(cli.run("undo", "--db", db.toString())).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out()).contains("元に戻せる変更がありません");
  }
}
