package dev.emcc.sync;

import dev.emcc.edit.EditResult;
import dev.emcc.edit.EditService;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The console's side of a sync: a workspace file or the SQLite workspace database. */
public interface LocalWorkspace {
  Workspace load() throws IOException, DocumentException;

  /**
   * Saves a pulled workspace; the result says what validation finds in it (null when the console
   * saves into its own model, whose Problems view shows the findings).
   */
  EditResult save(Workspace workspace, String summary) throws IOException;

  /** Where the last-synced state of this workspace is kept. */
  Path baseFile();

  /**
   * A workspace document file, rewritten whole (atomically) by a pull. A push reads only the
   * objects that changed in it since the last sync ({@link FileObjects}).
   */
  static LocalWorkspace file(Path file) {
    return new FileWorkspace(file);
  }

  /** A workspace file. */
  final class FileWorkspace implements LocalWorkspace {
    private final Path file;

    private FileWorkspace(Path file) {
      this.file = file;
    }

    @Override
    public Workspace load() throws IOException, DocumentException {
      if (!Files.exists(file)) {
        return Workspace.of(java.util.List.of());
      }
      return WorkspaceFormat.read(file);
    }

    @Override
    public EditResult save(Workspace workspace, String summary) throws IOException {
      try (EditService edits = EditService.file(file)) {
        return edits.apply(Proposal.of(workspace, new Origin(Origin.Kind.SYNC_PULL, summary)));
      }
    }

    @Override
    public Path baseFile() {
      return SyncBase.fileFor(file);
    }

    /**
     * The cluster's objects from the file, only its changed elements read (the base keeps the
     * file's index); null when the file must be read the usual way (missing, or not as expected).
     */
    FileObjects.Kept objects(String clusterId, SyncBase base) throws IOException {
      if (!Files.exists(file)) {
        return null;
      }
      return FileObjects.kept(FileObjects.scan(Files.readAllBytes(file), clusterId, base.fileIndex()), base);
    }
  }

  /**
   * The console's SQLite workspace database: a pull goes through the edit service (checked, one
   * transaction, one entry of the history that undo takes back).
   */
  static LocalWorkspace database(Path db) {
    return new DatabaseWorkspace(db);
  }

  /** The console's SQLite workspace database. */
  final class DatabaseWorkspace implements LocalWorkspace {
    private final Path db;

    private DatabaseWorkspace(Path db) {
      this.db = db;
    }

    @Override
    public Workspace load() throws IOException, DocumentException {
      try (EditService edits = EditService.database(db)) {
        return edits.load();
      }
    }

    @Override
    public EditResult save(Workspace workspace, String summary) throws IOException {
      try (EditService edits = EditService.database(db)) {
        return edits.apply(Proposal.of(workspace, new Origin(Origin.Kind.SYNC_PULL, summary)));
      }
    }

    @Override
    public Path baseFile() {
      return SyncBase.fileFor(db);
    }

    /**
     * The cluster's objects from the store's rows, only the rows that changed since the last sync
     * read (the base keeps their index); null when the store has no such cluster.
     */
    FileObjects.Kept objects(String clusterId, SyncBase base) throws IOException {
      if (!Files.exists(db)) {
        return null;
      }
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        return FileObjects.kept(StoreObjects.scan(store, clusterId, base.fileIndex()), base);
      }
    }
  }
}
