package dev.emcc.certs;

/** A certificate file or value that cannot be read: says which one and why. */
public class CertificateInputException extends Exception {
  private final String source;

  public CertificateInputException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  public CertificateInputException(String source, String problem) {
    this(source, problem, null);
  }

  public String source() {
    return source;
  }
}
