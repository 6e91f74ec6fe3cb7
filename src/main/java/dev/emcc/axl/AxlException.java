package dev.emcc.axl;

/** A request to a cluster's AXL service that did not succeed, in words an administrator can act on. */
public final class AxlException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** The certificate is not the pinned one (or none is pinned yet): {@link #presentedFingerprint()}. */
    TRUST,
    /** 401: wrong user or password. */
    AUTHENTICATION,
    /** 403: the user lacks the "Standard AXL API Access" role. */
    FORBIDDEN,
    /** Still 503 or "busy" after the back-off gave up. */
    BUSY,
    /** An AXL fault: {@link #fault()}. */
    FAULT,
    /** A value of the workspace or the cluster without a counterpart: object, field and value named. */
    VALUE,
    /** The network, the TLS handshake, or an answer that is not AXL. */
    IO
  }

  private final Kind kind;
  private final AxlFault fault;
  private final String presentedFingerprint;

  public AxlException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, null, null);
  }

  public AxlException(Kind kind, String message, Throwable cause, AxlFault fault, String presentedFingerprint) {
    super(message, cause);
    this.kind = kind;
    this.fault = fault;
    this.presentedFingerprint = presentedFingerprint;
  }

  public Kind kind() {
    return kind;
  }

  public AxlFault fault() {
    return fault;
  }

  public String presentedFingerprint() {
    return presentedFingerprint;
  }
}
