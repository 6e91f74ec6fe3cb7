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

  /**
   * The console's SQLite workspace database: a pull goes through the edit service (checked, one
   * transaction, one entry of the history that undo takes back).
   */
  static LocalWorkspace database(Path db) {
    return new DatabaseWorkspace(db);
  }

  /**
   * A workspace kept on disk, whose sync base keeps an index of it: a push reads only what changed
   * since the last sync, a pull is saved through the edit service.
   */
  abstract sealed class Indexed implements LocalWorkspace permits FileWorkspace, DatabaseWorkspace {
    final Path path;

    private Indexed(Path path) {
      this.path = path;
    }

    /** The edit service over this file or database. */
    abstract EditService edits() throws IOException;

    /**
     * The cluster's objects, only what changed since the index the base keeps read again; null
     * when they must be read the usual way (nothing on disk, or not as expected).
     */
    abstract FileObjects.Kept objects(String clusterId, SyncBase base) throws IOException;

    @Override
    public EditResult save(Workspace workspace, String summary) throws IOException {
      try (EditService edits = edits()) {
        return edits.apply(Proposal.of(workspace, new Origin(Origin.Kind.SYNC_PULL, summary)));
      }
    }

    @Override
    public Path baseFile() {
      return SyncBase.fileFor(path);
    }
  }

  /** A workspace file. */
  final class FileWorkspace extends Indexed {
    private FileWorkspace(Path file) {
      super(file);
    }

    @Override
    public Workspace load() throws IOException, DocumentException {
      if (!Files.exists(path)) {
        return Workspace.of(java.util.List.of());
      }
      return WorkspaceFormat.read(path);
    }

    @Override
    EditService edits() throws IOException {
      return EditService.file(path);
    }

    /** Only the file's changed elements are read (the base keeps the file's index). */
    @Override
    FileObjects.Kept objects(String clusterId, SyncBase base) throws IOException {
      if (!Files.exists(path)) {
        return null;
      }
      return FileObjects.kept(FileObjects.scan(Files.readAllBytes(path), clusterId, base.fileIndex()), base);
    }
  }

  /** The console's SQLite workspace database. */
  final class DatabaseWorkspace extends Indexed {
    private DatabaseWorkspace(Path db) {
      super(db);
    }

    @Override
    public Workspace load() throws IOException, DocumentException {
      try (EditService edits = edits()) {
        return edits.load();
      }
    }

    @Override
    EditService edits() throws IOException {
      return EditService.database(path);
    }

    /** Only the rows that changed since the last sync are read (the base keeps their index). */
    @Override
    FileObjects.Kept objects(String clusterId, SyncBase base) throws IOException {
      if (!Files.exists(path)) {
        return null;
      }
      try (WorkspaceStore store = WorkspaceStore.open(path)) {
        return FileObjects.kept(StoreObjects.scan(store, clusterId, base.fileIndex()), base);
      }
    }
  }
}
