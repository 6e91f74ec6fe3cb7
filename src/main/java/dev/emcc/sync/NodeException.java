package dev.emcc.sync;

/**
 * A node could not be used: untrusted certificate, refused token, unreachable, or an answer that
 * says no. {@link #retry()} says why another try may help; for everything else (a wrong
 * fingerprint, a refused token, a refused request, a conflict, a connection that broke after it
 * was made) it is null: the same request would fail the same way.
 */
public class NodeException extends Exception {
  /** What went wrong, for exit codes and messages. */
  public enum Kind { TRUST, AUTH, UNREACHABLE, SERVER, REFUSED, STALE }

  /** The failures worth another try: nothing reached the node, or the node failed itself. */
  public enum Retry { CONNECTION_REFUSED, TIMEOUT, SERVER_ERROR }

  private final Kind kind;
  private final int status;
  private final String body;
  private final Retry retry;
  private final String presentedFingerprint;

  public NodeException(Kind kind, int status, String message, String body, Throwable cause) {
    this(kind, status, message, body, cause, null, null);
  }

  public NodeException(Kind kind, int status, String message, String body, Throwable cause, Retry retry,
      String presentedFingerprint) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retry = retry;
    this.presentedFingerprint = presentedFingerprint;
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

  /** Why another try may help (refused connection, timeout, 5xx), or null when it cannot. */
  public Retry retry() {
    return retry;
  }

  public boolean retryable() {
    return retry != null;
  }

  /** For {@link Kind#TRUST}: the fingerprint of the certificate the node presented, when known. */
  public String presentedFingerprint() {
    return presentedFingerprint;
  }
}
