package dev.emcc.app;

import dev.emcc.edit.Origin;
import dev.emcc.format.DocumentException;
import dev.emcc.model.Workspace;
import dev.emcc.sync.LocalWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --workspace FILE} or {@code --db DB}: where a command finds the workspace (a picocli mixin). */
final class WorkspaceOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--workspace", paramLabel = "FILE",
        description = "Workspace document (JSON); written back atomically.")
    Path workspace;

    @Option(names = "--db", paramLabel = "DB", description = "The console's workspace database (SQLite).")
    Path db;
  }

  /** The workspace as the sync sees it (a document that does not exist yet reads as empty). */
  LocalWorkspace local() {
    return source.db != null ? LocalWorkspace.database(source.db) : LocalWorkspace.file(source.workspace);
  }

  /** The workspace of a command that only reads it. */
  Workspace load() throws IOException, DocumentException {
    return storage(null).load();
  }

  /** The workspace of a command that edits it; {@code origin} names the change in the database's history. */
  WorkspaceStorage storage(Origin origin) {
    if (source.workspace != null) {
      return WorkspaceStorage.file(source.workspace, origin);
    }
    if (!Files.isRegularFile(source.db)) {
      throw new BadInputException("no workspace database at " + source.db);
    }
    return WorkspaceStorage.database(source.db, origin);
  }
}
