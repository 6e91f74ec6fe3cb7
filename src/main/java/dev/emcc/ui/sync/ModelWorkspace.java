package dev.emcc.ui.sync;

import dev.emcc.edit.EditResult;
import dev.emcc.model.Workspace;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.ui.ConsoleModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/**
 * The console's workspace as the sync's local side: a snapshot taken on the JavaFX thread when the
 * work starts, and saving through {@link ConsoleModel#commit} (so a pull is saved and undoable).
 * If the workspace was edited while the work ran, the save is refused: nothing is overwritten.
 */
final class ModelWorkspace implements LocalWorkspace {
  private final ConsoleModel model;
  private final Workspace snapshot;
  private final Path baseFile;

  /** Call on the JavaFX thread. */
  ModelWorkspace(ConsoleModel model, Path baseFile) {
    this.model = model;
    this.snapshot = model.workspace();
    this.baseFile = baseFile;
  }

  @Override
  public Workspace load() {
    return snapshot;
  }

  @Override
  public EditResult save(Workspace workspace, String summary) throws IOException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(() -> {
      if (model.workspace() != snapshot) {
        done.completeExceptionally(new IOException(
            "the workspace was edited while syncing; nothing was taken, sync again"));
        return;
      }
      model.commit(workspace, summary);
      done.complete(null);
    });
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    }
    return null; // the Problems view shows what the console's own check finds
  }

  @Override
  public Path baseFile() {
    return baseFile;
  }
}
