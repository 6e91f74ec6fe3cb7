package dev.emcc.app;

import dev.emcc.format.DocumentException;
import dev.emcc.model.Workspace;
import java.io.IOException;

/**
 * Where a command reads the workspace and saves it back: a workspace document
 * ({@code --workspace FILE}) or the console's SQLite database ({@code --db DB}).
 */
interface WorkspaceStorage {
  Workspace load() throws IOException, DocumentException;

  /** Saves the whole workspace atomically: all of it or nothing. */
  void save(Workspace workspace) throws IOException;

  /** Where it lives, for messages. */
  String describe();
}
