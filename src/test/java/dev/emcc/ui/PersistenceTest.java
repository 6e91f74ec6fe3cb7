package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.ui.kit.I18n;
import java.nio.file.Path;
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
      Persistence p = Persistence.toStore(store, ctx);
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
  void aWorkspaceFileIsWrittenBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(DemoWorkspace.create(), file);
    ConsoleModel model = new ConsoleModel();
    Persistence p = Persistence.toFile(file, new UiContext(model, new I18n(I18n.ENGLISH)));
    model.setOnCommit(p);
    model.load(WorkspaceFormat.read(file));
    model.commitCluster(c -> c.withMaxPhones(777), "max phones");
    p.close();
    Workspace back = WorkspaceFormat.read(file);
    assertThat(back.cluster(DemoWorkspace.TOKYO).orElseThrow().maxPhones()).isEqualTo(777);
  }
}
