package dev.emcc.store;

import dev.emcc.format.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Opens every SQLite file of the product (the workspace store, a node's store, the sync bases):
 * they hold PIN hashes and tokens' objects, so each is owner-only from its creation. sqlite-jdbc
 * has no umask setting; SQLite creates a database's {@code -wal}, {@code -shm} and
 * {@code -journal} files with the database file's own permissions, so the database file is made
 * here, empty and rw-------, before SQLite opens it (an empty file is an empty database), in
 * rwx------ folders when they are missing. A store found looser (written by an earlier version)
 * is tightened on open, its WAL and shared-memory files with it, and so is the product's own data
 * folder ({@value StorePaths#APP_DIR}); a folder the user chose for a store is theirs and left
 * as it is.
 */
public final class SqliteFiles {
  /** The files SQLite keeps beside a database. */
  private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

  private SqliteFiles() {}

  /** Makes {@code file} ready (owner-only, see the class) and connects to it with {@code config}. */
  public static Connection connect(Path file, SQLiteConfig config) throws SQLException, IOException {
    Path abs = prepare(file);
    return config.createConnection("jdbc:sqlite:" + abs);
  }

  /** Creates the database file owner-only when missing and tightens it and its companions. */
  static Path prepare(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals(StorePaths.APP_DIR)) {
      OwnerOnly.privateDirectory(dir);
    }
    OwnerOnly.createFile(abs);
    OwnerOnly.tightenFile(abs);
    for (String suffix : COMPANIONS) {
      OwnerOnly.tightenFile(abs.resolveSibling(abs.getFileName() + suffix));
    }
    return abs;
  }
}
