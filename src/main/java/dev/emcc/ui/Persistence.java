package dev.emcc.ui;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.SaveResult;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Saves every committed workspace off the JavaFX thread, in commit order: into the SQLite store
 * (one transaction, only what changed), or back into the workspace file the console was opened
 * with (written beside and moved in place). A failed save is reported in the status bar.
 *
 * <p>Undo on the store is the history's undo of the change set the edit made (recorded as its
 * undo, as {@code emcc undo} does), then a save of the workspace the console shows, which finds
 * nothing left to change unless the store moved meanwhile (another program wrote, or the
 * history was pruned): the store then holds what the console shows, as after any save. A file has
 * no history: undo writes the workspace back.
 */
public final class Persistence implements ConsoleModel.CommitSink, AutoCloseable {
  /** Change sets remembered for undo: more than the console's undo goes back. */
  private static final int KEPT_CHANGE_SETS = ConsoleModel.UNDO_DEPTH + 1;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "emcc-save");
    t.setDaemon(false);
    return t;
  });
  private final WorkspaceStore store;
  private final Path file;
  private final UiContext ctx;
  /** The change set of each save, newest first (0: it changed nothing); used on the writer thread only. */
  private final Deque<Long> changeSets = new ArrayDeque<>();

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
    write(() -> {
      if (store == null) {
        WorkspaceFormat.write(workspace, file);
        return;
      }
      changeSets.push(0L); // until the save succeeds: an undo then has no change set to revert
      if (changeSets.size() > KEPT_CHANGE_SETS) {
        changeSets.removeLast();
      }
      SaveResult saved = store.save(workspace, summary == null || summary.isBlank() ? "console" : summary);
      changeSets.pop();
      changeSets.push(saved.changeSetId());
    });
  }

  @Override
  public void undo(Workspace previous) {
    write(() -> {
      if (store == null) {
        WorkspaceFormat.write(previous, file);
        return;
      }
      Long last = changeSets.poll();
      if (last != null && last > 0) {
        store.undo(last);
      }
      store.save(previous, "undo");
    });
  }

  private interface Write {
    void run() throws IOException;
  }

  private void write(Write work) {
    writer.execute(() -> {
      try {
        work.run();
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
