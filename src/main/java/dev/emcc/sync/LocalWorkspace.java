package dev.emcc.sync;

import dev.emcc.edit.EditService;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The console's side of a sync: a workspace file or the SQLite workspace database. */
public interface LocalWorkspace {
  Workspace load() throws IOException, DocumentException;

  void save(Workspace workspace, String summary) throws IOException;

  /** Where the last-synced state of this workspace is kept. */
  Path baseFile();

  /** A workspace document file, rewritten whole (atomically) by a pull. */
  static LocalWorkspace file(Path file) {
    return new LocalWorkspace() {
      @Override
      public Workspace load() throws IOException, DocumentException {
        if (!Files.exists(file)) {
          return Workspace.of(java.util.List.of());
        }
        return WorkspaceFormat.read(file);
      }

      @Override
      public void save(Workspace workspace, String summary) throws IOException {
        try (EditService edits = EditService.file(file)) {
          edits.apply(Proposal.of(workspace, new Origin(Origin.Kind.SYNC_PULL, summary)));
        }
      }

      @Override
      public Path baseFile() {
        return SyncBase.fileFor(file);
      }
    };
  }

  /**
   * The console's SQLite workspace database: a pull goes through the edit service (checked, one
   * transaction, one entry of the history that undo takes back).
   */
  static LocalWorkspace database(Path db) {
    return new LocalWorkspace() {
      @Override
      public Workspace load() throws IOException, DocumentException {
        try (EditService edits = EditService.database(db)) {
          return edits.load();
        }
      }

      @Override
      public void save(Workspace workspace, String summary) throws IOException {
        try (EditService edits = EditService.database(db)) {
          edits.apply(Proposal.of(workspace, new Origin(Origin.Kind.SYNC_PULL, summary)));
        }
      }

      @Override
      public Path baseFile() {
        return SyncBase.fileFor(db);
      }
    };
  }
}
