package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.edit.EditService;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.ui.kit.I18n;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every commit of the console reaches the store (or the opened file), undo included. */
class PersistenceTest {
  @Test
  void commitsAndUndoAreSavedToTheStore(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("workspace.db");
    ConsoleModel model = new ConsoleModel();
    UiContext ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    try (WorkspaceStore store = WorkspaceStore.openDefault(db, DemoWorkspace::create)) {
      Persistence p = Persistence.to(EditService.of(store), ctx, Runnable::run);
      model.setOnCommit(p);
      model.load(store.load());
      model.commitCluster(c -> c.withMaxPhones(1234), "max phones");
      model.commitCluster(c -> c.withVersion("15.0"), "version");
      model.undo();
      p.close();
    }
    try (WorkspaceStore again = WorkspaceStore.open(db)) {
      var tokyo = again.load().cluster(DemoWorkspace.TOKYO).orElseThrow();
      assertThat(tokyo.maxPhones()).isEqualTo(1234);
      assertThat(tokyo.version()).isEqualTo("14.0");
    }
  }

  @Test
  void theConsolesUndoIsTheHistorysUndoOfItsEdit(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("workspace.db");
    ConsoleModel model = new ConsoleModel();
    UiContext ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    try (WorkspaceStore store = WorkspaceStore.openDefault(db, DemoWorkspace::create)) {
      Persistence p = Persistence.to(EditService.of(store), ctx, Runnable::run);
      model.setOnCommit(p);
      model.load(store.load());
      model.commitCluster(c -> c.withMaxPhones(1234), "max phones");
      model.commitCluster(c -> c.withVersion("15.0"), "version");
      model.commitCluster(c -> c, "nothing changed");
      model.undo(); // the commit that changed nothing: nothing to undo in the store
      model.undo();
      p.close(); // waits for the saves, closes the store
    }
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      List<HistoryEntry> history = store.history(10);
      assertThat(history.get(0).summary()).matches("undo #\\d+ \\(version\\)");
      assertThat(history).extracting(HistoryEntry::summary).doesNotContain("undo", "nothing changed");
      assertThat(store.load()).isEqualTo(model.workspace());
      // so the command line's undo walks on from there: it undoes the edit before, not the console's undo
      assertThat(store.undoLatest().orElseThrow().undoneSummary()).isEqualTo("max phones");
      assertThat(store.load().cluster(DemoWorkspace.TOKYO).orElseThrow().maxPhones())
          .isEqualTo(DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow().maxPhones());
    }
  }

  @Test
  void anUndoTheHistoryCannotDoStillLeavesTheStoreAsTheConsoleShowsIt(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("workspace.db");
    ConsoleModel model = new ConsoleModel();
    UiContext ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    Workspace loaded;
    try (WorkspaceStore store = WorkspaceStore.openDefault(db, DemoWorkspace::create)) {
      Persistence p = Persistence.to(EditService.of(store), ctx, Runnable::run);
      model.setOnCommit(p);
      loaded = store.load();
      model.load(loaded);
      model.commitCluster(c -> c.withMaxPhones(1234), "max phones");
      p.close();
    }
    try (WorkspaceStore other = WorkspaceStore.open(db)) {
      other.undoLatest().orElseThrow(); // another program undid the edit already
      other.save(other.load().updateCluster(DemoWorkspace.TOKYO, c -> c.withVersion("15.0")), "elsewhere");
    }
    Persistence p = Persistence.to(EditService.database(db), ctx, Runnable::run);
    model.setOnCommit(p);
    model.commitCluster(c -> c.withMaxPhones(4321), "max phones again");
    model.undo();
    model.undo();
    p.close();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      // as before: what the console shows is saved over what the other program did
      assertThat(model.workspace()).isEqualTo(loaded);
      assertThat(store.load()).isEqualTo(loaded);
    }
  }

  @Test
  void aWorkspaceFileIsWrittenBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(DemoWorkspace.create(), file);
    ConsoleModel model = new ConsoleModel();
    Persistence p = Persistence.to(EditService.file(file), new UiContext(model, new I18n(I18n.ENGLISH)), Runnable::run);
    model.setOnCommit(p);
    model.load(WorkspaceFormat.read(file));
    model.commitCluster(c -> c.withMaxPhones(777), "max phones");
    p.close();
    Workspace back = WorkspaceFormat.read(file);
    assertThat(back.cluster(DemoWorkspace.TOKYO).orElseThrow().maxPhones()).isEqualTo(777);
  }
}
