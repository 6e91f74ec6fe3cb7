package dev.emcc.format;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files written whole or not at all, readable by their owner only ({@link OwnerOnly}): the content
 * goes to a temporary file beside the target, created rw------- from the start where the file
 * system is POSIX (no window in which another user could open it; missing folders rwx------),
 * forced to disk and moved in place (atomically where the file system can). A crash leaves the
 * old file or the new one, never half.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file to a stream (closing it is allowed: the file is finished after). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    writeOwnerOnly(file, out -> out.write(content));
  }

  /** Streams {@code content} into {@code file} (through a 64 KiB buffer), creating its folder. */
  public static void writeOwnerOnly(Path file, Content content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    OwnerOnly.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", OwnerOnly.attributes(dir, OwnerOnly.FILE));
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(unclosable(out));
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A writer that closes its stream (a Jackson generator does) must not close the channel before the fsync. */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
