package dev.emcc.app;

import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --workspace FILE} or {@code --db DB}: where a command finds the workspace. */
final class WorkspaceOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--workspace", paramLabel = "FILE",
        description = "Workspace document (JSON); written back atomically.")
    Path workspace;

    @Option(names = "--db", paramLabel = "DB", description = "The console's SQLite database.")
    Path db;
  }

  WorkspaceStorage storage() {
    if (source.workspace != null) {
      return new FileStorage(source.workspace);
    }
    // Seam for the SQLite store (branch store): return its WorkspaceStorage here.
    throw new BadInputException("--db is not available in this build yet: use --workspace FILE");
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
}
