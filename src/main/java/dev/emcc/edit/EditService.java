package dev.emcc.edit;

import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.rules.Validator;
import dev.emcc.store.SaveResult;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way a workspace is changed, whoever proposes the change (the console, {@code emcc import},
 * {@code certs}, {@code bat import}, {@code axl pull}, {@code sync pull}): the proposal is checked
 * with the validation rules and the schema's limits (refused when it brings errors and its
 * caller asks so, its findings kept in the result), saved in one store transaction that writes
 * only what changed, and recorded in the history under its origin's description; the history's
 * undo ({@link #undoLatest}) takes back any of them alike, for the console's Edit > Undo and
 * {@code emcc undo --db}.
 *
 * <p>A workspace file ({@link #file}) takes the same proposals: checked the same way, written
 * whole through a temporary file and a move; it keeps no history, so nothing is undone there.
 *
 * <p>One instance holds one store connection: use it from one thread at a time.
 */
public final class EditService implements AutoCloseable {
  private final WorkspaceStore store;
  private final Path file;
  private final Validator validator = Validator.standard();

  private EditService(WorkspaceStore store, Path file) {
    this.store = store;
    this.file = file;
  }

  /** The console's workspace database in {@code db} (created when missing). */
  public static EditService database(Path db) {
    return new EditService(WorkspaceStore.open(db), null);
  }

  /** The database in {@code db}, seeded with {@code firstRun}'s workspace when it never held one (the console's start). */
  public static EditService openDefault(Path db, Supplier<Workspace> firstRun) {
    return new EditService(WorkspaceStore.openDefault(db, firstRun), null);
  }

  /** A store already open; closing the service closes it. */
  public static EditService of(WorkspaceStore store) {
    return new EditService(store, null);
  }

  /** A workspace document, rewritten whole by each change. */
  public static EditService file(Path file) {
    return new EditService(null, file);
  }

  /** The whole workspace as it is now. */
  public Workspace load() throws IOException, DocumentException {
    return store != null ? store.load() : WorkspaceFormat.read(file);
  }

  /**
   * Checks the proposal and saves it as one change recorded under its origin's description.
   *
   * @throws EditRefusedException when it brings errors and its checks refuse them: nothing is saved
   * @throws dev.emcc.store.InvalidWorkspaceException when the store cannot keep it (an object
   *     without its key, two objects with one name): nothing is saved
   */
  public EditResult apply(Proposal proposal) throws IOException {
    List<Diagnostic> before = proposal.base() == null ? List.of() : validator.validate(proposal.base());
    List<Diagnostic> after = validator.validate(proposal.workspace());
    if (proposal.checks() == Checks.REFUSE_NEW_ERRORS) {
      List<Diagnostic> errors = Findings.introduced(before, after).stream()
          .filter(d -> d.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        throw new EditRefusedException(proposal.origin(), errors);
      }
    }
    SaveResult saved;
    if (store != null) {
      saved = store.save(proposal.workspace(), proposal.origin().description(), proposal.kept());
    } else {
      if (!proposal.kept().isEmpty()) {
        throw new IllegalArgumentException("BAT columns are kept in the workspace database only, not in " + file);
      }
      WorkspaceFormat.write(proposal.workspace(), file);
      saved = SaveResult.UNCHANGED;
    }
    return new EditResult(proposal.origin(), saved, after, before);
  }

  /** True for the database, whose history undoes; false for a workspace file. */
  public boolean keepsHistory() {
    return store != null;
  }

  /** The change {@link #undoLatest} would take back; empty when none (always for a file). */
  public Optional<WorkspaceStore.Undoable> undoable() {
    return store == null ? Optional.empty() : store.latestUndoable();
  }

  /**
   * Takes back the latest change that is not an undo and not undone yet, whoever made it, as a new
   * change (so undoing again walks further back). Empty when there is nothing to undo.
   */
  public Optional<WorkspaceStore.Undone> undoLatest() {
    return store == null ? Optional.empty() : store.undoLatest();
  }

  /** Takes back change set {@code changeSetId} if the history can (not an undo, not undone, not pruned). */
  public Optional<WorkspaceStore.Undone> undo(long changeSetId) {
    return store == null ? Optional.empty() : store.undo(changeSetId);
  }

  /** Where the workspace lives, for messages. */
  public Path location() {
    return store != null ? store.file() : file;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
