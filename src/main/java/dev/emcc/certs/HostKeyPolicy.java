package dev.emcc.certs;

import java.nio.file.Path;

/**
 * How the SFTP server's host key is checked: against a known-hosts file (OpenSSH format). A host
 * not in it is refused with its SHA-256 fingerprint (trust on first use needs an explicit
 * confirmation); once {@code acceptedFingerprint} names that key, it is pinned into the file.
 * A key that differs from the pinned one is always refused.
 */
public record HostKeyPolicy(Path knownHosts, String acceptedFingerprint) {
  public HostKeyPolicy {
    if (knownHosts == null) {
      throw new IllegalArgumentException("a known-hosts file is required");
    }
    if (acceptedFingerprint != null && !acceptedFingerprint.startsWith("SHA256:")) {
      throw new IllegalArgumentException(
          "a host key fingerprint looks like SHA256:<base64>, got: " + acceptedFingerprint);
    }
  }

  /** The console's own known-hosts file: ~/.emcc/known_hosts. */
  public static Path defaultKnownHosts() {
    return Path.of(System.getProperty("user.home"), ".emcc", "known_hosts");
  }
}
