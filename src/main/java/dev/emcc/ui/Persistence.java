package dev.emcc.ui;

import dev.emcc.edit.EditService;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The console's way to the edit service: every committed workspace is proposed to it off the
 * JavaFX thread, in commit order (checked, saved in one transaction into the SQLite store, or
 * written back into the workspace file the console was opened with). A failed save is reported in
 * the status bar.
 *
 * <p>Undo of the console's own edit is the history's undo of the change set the edit made
 * (recorded as its undo, as {@code emcc undo} does), then a save of the workspace the console
 * shows, which finds nothing left to change unless the store moved meanwhile (another program
 * wrote, or the history was pruned): the store then holds what the console shows, as after any
 * save. With no edit of its own left, Edit > Undo takes back the store's latest change whoever made
 * it (an import, a command run with {@code --db}, a pull), as {@code emcc undo --db} does, and
 * shows the workspace after it. A file has no history: undo writes the workspace back.
 */
public final class Persistence implements ConsoleModel.CommitSink, AutoCloseable {
  /** Change sets remembered for undo: more than the console's undo goes back. */
  private static final int KEPT_CHANGE_SETS = ConsoleModel.UNDO_DEPTH + 1;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "emcc-save");
    t.setDaemon(false);
    return t;
  });
  private final EditService edits;
  private final UiContext ctx;
  /** Where the writer thread's news for the model go: the JavaFX thread. */
  private final Executor fx;
  /** The change set of each save, newest first (0: it changed nothing); used on the writer thread only. */
  private final Deque<Long> changeSets = new ArrayDeque<>();

  private Persistence(EditService edits, UiContext ctx, Executor fx) {
    this.edits = edits;
    this.ctx = ctx;
    this.fx = fx;
    if (edits.keepsHistory()) {
      write(this::tellWhatTheHistoryCanUndo);
    }
  }

  /** Saves the console's commits through {@code edits} (the store, or the opened file). */
  public static Persistence to(EditService edits, UiContext ctx) {
    return new Persistence(edits, ctx, Platform::runLater);
  }

  /** As {@link #to(EditService, UiContext)}, telling the model on {@code fx} (tests without a screen). */
  static Persistence to(EditService edits, UiContext ctx, Executor fx) {
    return new Persistence(edits, ctx, fx);
  }

  /**
   * The workspace as saved (the console's load), read on the writer thread after the writes
   * before it, since the store is used from one thread at a time. Call off the JavaFX thread.
   */
  public Workspace load() {
    try {
      return writer.submit(edits::load).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void save(Workspace workspace, String summary) {
    write(() -> {
      changeSets.push(0L); // until the save succeeds: an undo then has no change set to revert
      if (changeSets.size() > KEPT_CHANGE_SETS) {
        changeSets.removeLast();
      }
      long id = edits.apply(Proposal.of(workspace, Origin.console(summary))).saved().changeSetId();
      changeSets.pop();
      changeSets.push(id);
    });
  }

  @Override
  public void undo(Workspace previous) {
    write(() -> {
      Long last = changeSets.poll();
      if (last != null && last > 0) {
        edits.undo(last);
      }
      edits.apply(Proposal.of(previous, Origin.console("undo")));
      if (edits.keepsHistory()) {
        tellWhatTheHistoryCanUndo();
      }
    });
  }

  @Override
  public void undoLatest(Workspace shown) {
    write(() -> {
      Optional<WorkspaceStore.Undone> undone = edits.undoLatest();
      Workspace now = edits.load();
      boolean more = edits.undoable().isPresent();
      fx.execute(() -> {
        ctx.model().showUndone(this, shown, now, more);
        undone.ifPresent(u -> ctx.status("status.undoneChange", u.undoneSummary()));
      });
    });
  }

  private void tellWhatTheHistoryCanUndo() {
    boolean can = edits.undoable().isPresent();
    fx.execute(() -> ctx.model().setHistoryCanUndo(this, can));
  }

  private interface Write {
    void run() throws Exception;
  }

  private void write(Write work) {
    writer.execute(() -> {
      try {
        work.run();
      } catch (Exception e) {
        String where = edits.location().toString();
        fx.execute(() -> ctx.status("status.saveFailed", where, String.valueOf(e.getMessage())));
      }
    });
  }

  /** Waits for the saves in flight, then closes the store. */
  @Override
  public void close() throws InterruptedException {
    writer.shutdown();
    writer.awaitTermination(30, TimeUnit.SECONDS);
    edits.close();
  }
}
