package dev.emcc.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The workspace database cannot be opened, read or written (a locked or damaged file, a schema of
 * a newer console). An I/O failure: the command line exits 3 with this message.
 */
public class StoreException extends UncheckedIOException {
  public StoreException(String message) {
    super(message, new IOException(message));
  }

  public StoreException(String message, Throwable cause) {
    super(message, new IOException(message, cause));
  }
}
