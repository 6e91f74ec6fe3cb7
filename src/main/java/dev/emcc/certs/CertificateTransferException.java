package dev.emcc.certs;

import java.util.List;
import java.util.Locale;

/**
 * A bulk certificate job that could not go on, with the reason as data so each face can say
 * what to do: the CLI prints {@link #getMessage()}, the console shows {@link #text(Locale)}.
 */
public class CertificateTransferException extends Exception {

  /** Why; each has a message in this package's bundle ({@code transfer.<name>}). */
  public enum Reason {
    /** The SFTP server refused the user name, password or key. */
    WRONG_CREDENTIALS,
    /** No SSH server answered at host:port (name unknown, refused, timed out). */
    UNREACHABLE,
    /** The server's host key is not the one pinned for it: possibly another machine. */
    HOST_KEY_CHANGED,
    /** First contact: the host key must be confirmed (its fingerprint is in the exception). */
    HOST_KEY_UNKNOWN,
    /** The SFTP directory does not exist. */
    MISSING_DIRECTORY,
    /** The SFTP user may not read or write there. */
    NO_PERMISSION,
    /** A file that should be PKCS12 is not. */
    NOT_PKCS12,
    /** The PKCS12 file does not open with the password given. */
    WRONG_PKCS12_PASSWORD,
    /** The PKCS12 file holds no certificate that can be taken (only keys, or nothing). */
    NO_CERTIFICATES,
    /** Consolidate needs the exports of at least two clusters in the directory. */
    TOO_FEW_EXPORTS,
    /** Import needs the consolidated file: no cluster has consolidated yet. */
    NOT_CONSOLIDATED,
    /** The connection broke or the server failed during a transfer. */
    TRANSFER_FAILED
  }

  private final Reason reason;
  private final List<Object> args;
  private final String hostKeyFingerprint;

  public CertificateTransferException(Reason reason, String hostKeyFingerprint, Throwable cause, Object... args) {
    super(CertsMessages.en(key(reason), args), cause);
    this.reason = reason;
    this.args = List.of(args);
    this.hostKeyFingerprint = hostKeyFingerprint;
  }

  public CertificateTransferException(Reason reason, Throwable cause, Object... args) {
    this(reason, null, cause, args);
  }

  public Reason reason() {
    return reason;
  }

  /** The server's SHA-256 host key fingerprint, for HOST_KEY_UNKNOWN and HOST_KEY_CHANGED. */
  public String hostKeyFingerprint() {
    return hostKeyFingerprint;
  }

  public String text(Locale locale) {
    return CertsMessages.text(locale, key(reason), args.toArray());
  }

  private static String key(Reason reason) {
    return "transfer." + reason.name();
  }
}
