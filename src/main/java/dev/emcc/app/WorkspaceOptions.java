package dev.emcc.app;

import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
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

  /** The workspace of a command that edits it; {@code summary} names the change in the database's history. */
  WorkspaceStorage storage(String summary) {
    if (source.workspace != null) {
      return new FileStorage(source.workspace);
    }
    if (!Files.isRegularFile(source.db)) {
      throw new BadInputException("no workspace database at " + source.db);
    }
    return new DbStorage(source.db, summary);
  }

  /** A workspace document on disk, rewritten through a temporary file and a move. */
  record FileStorage(Path file) implements WorkspaceStorage {
    @Override
    public Workspace load() throws IOException, DocumentException {
      return WorkspaceFormat.read(file);
    }

    @Override
    public void save(Workspace workspace) throws IOException {
      WorkspaceFormat.write(workspace, file);
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /** The console's database: a save is one transaction and one entry in its history (undoable). */
  record DbStorage(Path db, String summary) implements WorkspaceStorage {
    @Override
    public Workspace load() throws IOException, DocumentException {
      return LocalWorkspace.database(db).load();
    }

    @Override
    public void save(Workspace workspace) throws IOException {
      LocalWorkspace.database(db).save(workspace, summary);
    }

    @Override
    public String describe() {
      return db.toString();
    }
  }
}
