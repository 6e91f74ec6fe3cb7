package dev.emcc.ui;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Saves every committed workspace off the JavaFX thread, in commit order: into the SQLite store
 * (one transaction, only what changed), or back into the workspace file the console was opened
 * with (written beside and moved in place). A failed save is reported in the status bar.
 */
public final class Persistence implements ConsoleModel.CommitSink, AutoCloseable {
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "emcc-save");
    t.setDaemon(false);
    return t;
  });
  private final WorkspaceStore store;
  private final Path file;
  private final UiContext ctx;

  private Persistence(WorkspaceStore store, Path file, UiContext ctx) {
    this.store = store;
    this.file = file;
    this.ctx = ctx;
  }

  public static Persistence toStore(WorkspaceStore store, UiContext ctx) {
    return new Persistence(store, null, ctx);
  }

  public static Persistence toFile(Path file, UiContext ctx) {
    return new Persistence(null, file, ctx);
  }

  @Override
  public void save(Workspace workspace, String summary) {
    writer.execute(() -> {
      try {
        if (store != null) {
          store.save(workspace, summary == null || summary.isBlank() ? "console" : summary);
        } else {
          WorkspaceFormat.write(workspace, file);
        }
      } catch (IOException | RuntimeException e) {
        String where = store != null ? store.file().toString() : file.toString();
        Platform.runLater(() -> ctx.status("status.saveFailed", where, String.valueOf(e.getMessage())));
      }
    });
  }

  /** Waits for the saves in flight, then closes the store. */
  @Override
  public void close() throws InterruptedException {
    writer.shutdown();
    writer.awaitTermination(30, TimeUnit.SECONDS);
    if (store != null) {
      store.close();
    }
  }
}
