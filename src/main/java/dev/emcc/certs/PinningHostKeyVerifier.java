package dev.emcc.certs;

import java.io.File;
import java.io.IOException;
import java.security.PublicKey;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * An OpenSSH known-hosts check that remembers why it refused a key, so the session can say
 * "unknown host, confirm SHA256:..." or "host key changed" instead of a bare transport error.
 */
final class PinningHostKeyVerifier extends OpenSSHKnownHosts {
  enum Outcome { NONE, UNKNOWN, CHANGED, PINNED }

  private final String accepted;
  private Outcome outcome = Outcome.NONE;
  private String fingerprint;

  PinningHostKeyVerifier(File knownHosts, String acceptedFingerprint) throws IOException {
    super(knownHosts);
    this.accepted = acceptedFingerprint;
  }

  static String fingerprint(PublicKey key) {
    // the SSH wire encoding, as OpenSSH hashes it (not getEncoded(): sshj may hand us a BC key)
    return Fingerprints.sshSha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
  }

  @Override
  protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
    fingerprint = fingerprint(key);
    if (accepted == null || !accepted.equals(fingerprint)) {
      outcome = Outcome.UNKNOWN;
      return false;
    }
    try {
      HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
      entries().add(entry);
      write(entry);
      outcome = Outcome.PINNED;
      return true;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot pin the host key into " + getFile(), e);
    }
  }

  @Override
  protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
    fingerprint = fingerprint(key);
    outcome = Outcome.CHANGED;
    return false;
  }

  Outcome outcome() {
    return outcome;
  }

  String lastFingerprint() {
    return fingerprint;
  }
}
