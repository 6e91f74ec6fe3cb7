package dev.emcc.node;

/**
 * A request the node could not read (bad framing, a body too large or too slow, not UTF-8, nested
 * too deep): a 4xx status and one line of our own, never a library's message. The connection is
 * closed after the answer when the rest of the request cannot be told apart from the next one.
 */
final class Unreadable extends Exception {
  private final int status;
  private final boolean close;

  Unreadable(int status, String message, boolean close) {
    super(message, null, false, false);
    this.status = status;
    this.close = close;
  }

  Unreadable(int status, String message) {
    this(status, message, false);
  }

  int status() {
    return status;
  }

  boolean close() {
    return close;
  }
}
