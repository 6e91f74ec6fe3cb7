package dev.emcc.sync;

/**
 * A node could not be used: untrusted certificate, refused token, unreachable, or an answer that
 * says no. {@link #transientFailure()} tells whether trying again later may help.
 */
public class NodeException extends Exception {
  /** What went wrong, for exit codes and retries. */
  public enum Kind { TRUST, AUTH, UNREACHABLE, SERVER, REFUSED, STALE }

  private final Kind kind;
  private final int status;
  private final String body;

  public NodeException(Kind kind, int status, String message, String body, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.body = body;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when no answer came. */
  public int status() {
    return status;
  }

  /** The answer's body, when there was one. */
  public String body() {
    return body;
  }

  /** Connection refused or reset, timeouts and 5xx answers: another try may work. */
  public boolean transientFailure() {
    return kind == Kind.UNREACHABLE || kind == Kind.SERVER;
  }
}
