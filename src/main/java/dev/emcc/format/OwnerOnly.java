package dev.emcc.format;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and folders only their owner may read: rw------- files, rwx------ folders, set as they are
 * created (no window in which another local user could open them) and tightened when found
 * looser. Where the file system has no POSIX permissions (Windows), the user's profile folder is
 * what protects them and nothing is changed here.
 */
public final class OwnerOnly {
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Creates the missing folders of {@code dir} rwx------; folders that exist are left as they are. */
  public static Path createDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = abs; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p, attributes(p.getParent(), FOLDER));
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
        // made meanwhile by another process: fine
      }
    }
    return dir;
  }

  /**
   * A folder that belongs to the product (its data folder, a node's data folder): created
   * rwx------ when missing, tightened to it when it exists.
   */
  public static Path privateDirectory(Path dir) throws IOException {
    createDirectories(dir);
    tighten(dir, FOLDER);
    return dir;
  }

  /** Creates {@code file} empty and rw------- unless it exists; its folder as {@link #createDirectories}. */
  public static void createFile(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    createDirectories(abs.getParent());
    try {
      Files.createFile(abs, attributes(abs.getParent(), FILE));
    } catch (FileAlreadyExistsException e) {
      // there already (perhaps made by another process just now): tightened by the caller if need be
    }
  }

  /** Makes an existing file rw-------; nothing when it does not exist or is not this user's to change. */
  public static void tightenFile(Path file) {
    tighten(file, FILE);
  }

  private static void tighten(Path path, Set<PosixFilePermission> wanted) {
    try {
      if (!Files.exists(path) || !posix(path)) {
        return;
      }
      if (!Files.getPosixFilePermissions(path).equals(wanted)) {
        Files.setPosixFilePermissions(path, wanted);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // another user's file (a shared, read-only store) or gone meanwhile: not ours to change
    }
  }

  private static boolean posix(Path path) throws IOException {
    return Files.getFileStore(path).supportsFileAttributeView("posix");
  }

  /** The permissions attribute for a new file in {@code dir}, or none where the file system has no POSIX permissions. */
  static FileAttribute<?>[] attributes(Path dir, Set<PosixFilePermission> perms) throws IOException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && posix(existing)) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }
    return new FileAttribute<?>[0];
  }
}
