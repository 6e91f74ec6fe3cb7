package dev.emcc.app;

import dev.emcc.edit.EditRefusedException;
import dev.emcc.edit.EditResult;
import dev.emcc.edit.EditService;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.format.DocumentException;
import dev.emcc.model.Workspace;
import dev.emcc.store.InvalidWorkspaceException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a command reads the workspace and saves its change: a workspace document
 * ({@code --workspace FILE}) or the console's SQLite database ({@code --db DB}), both through the
 * edit service under the command's {@link Origin} (in the database: one transaction, one entry of
 * its history, undoable). Each call opens and closes the service, so nothing is held open while a
 * command waits on the network.
 */
final class WorkspaceStorage {
  private final Path db;
  private final Path file;
  private final Origin origin;

  private WorkspaceStorage(Path db, Path file, Origin origin) {
    this.db = db;
    this.file = file;
    this.origin = origin;
  }

  static WorkspaceStorage database(Path db, Origin origin) {
    return new WorkspaceStorage(db, null, origin);
  }

  static WorkspaceStorage file(Path file, Origin origin) {
    return new WorkspaceStorage(null, file, origin);
  }

  Workspace load() throws IOException, DocumentException {
    try (EditService edits = open()) {
      return edits.load();
    }
  }

  /** Saves the whole workspace as one change (all of it or nothing), checked; findings in the result. */
  EditResult save(Workspace workspace) throws IOException {
    return apply(Proposal.of(workspace, origin));
  }

  /**
   * Saves a proposal made elsewhere (a BAT import's), under its own origin.
   *
   * @throws EditRefusedException when it brings errors and it refuses them: nothing is saved
   */
  EditResult apply(Proposal proposal) throws IOException {
    try (EditService edits = open()) {
      return edits.apply(proposal);
    } catch (InvalidWorkspaceException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** True for the database (its history can undo the change and keep BAT columns). */
  boolean isDatabase() {
    return db != null;
  }

  /** Where it lives, for messages. */
  String describe() {
    return (db != null ? db : file).toString();
  }

  private EditService open() {
    return db != null ? EditService.database(db) : EditService.file(file);
  }
}
