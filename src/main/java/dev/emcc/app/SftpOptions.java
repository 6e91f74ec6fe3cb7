package dev.emcc.app;

import dev.emcc.certs.HostKeyPolicy;
import dev.emcc.certs.SftpCredentials;
import dev.emcc.certs.SftpSession;
import dev.emcc.certs.SftpTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Options shared by the bulk certificate commands: where the SFTP directory is, how to log in,
 * how to check the host key, and the PKCS12 password of the bulk files.
 *
 * <p>Secrets come from files or the environment, never from the command line (it shows in the
 * process list and the shell history). The PKCS12 password is one secret shared by every
 * participating cluster (each must open the others' exports): {@code --bundle-password-file} or
 * {@code EMCC_BUNDLE_PASSWORD}; without either, the SFTP password is used, since in the seed's
 * procedure every cluster logs into the same SFTP account.
 */
final class SftpOptions {
  static final String SFTP_PASSWORD_ENV = "EMCC_SFTP_PASSWORD";
  static final String BUNDLE_PASSWORD_ENV = "EMCC_BUNDLE_PASSWORD";

  @Option(names = "--sftp", required = true, paramLabel = "URL",
      description = "The shared SFTP directory: sftp://user@host[:port]/dir")
  String url;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "File whose first line is the SFTP password (else $" + SFTP_PASSWORD_ENV + ").")
  Path passwordFile;

  @Option(names = "--key", paramLabel = "FILE", description = "Log in with this private key instead of a password.")
  Path keyFile;

  @Option(names = "--key-passphrase-file", paramLabel = "FILE", description = "File holding the key's passphrase.")
  Path keyPassphraseFile;

  @Option(names = "--known-hosts", paramLabel = "FILE",
      description = "Known-hosts file (OpenSSH format) checked and pinned into (default ~/.emcc/known_hosts).")
  Path knownHosts;

  @Option(names = "--accept-host-key", paramLabel = "SHA256:...",
      description = "Confirm a first-seen host key by its fingerprint; it is then pinned in the known-hosts file.")
  String acceptHostKey;

  @Option(names = "--bundle-password-file", paramLabel = "FILE",
      description = "File holding the PKCS12 password shared by all clusters (else $" + BUNDLE_PASSWORD_ENV
          + ", else the SFTP password).")
  Path bundlePasswordFile;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Connect and read timeout (default ${DEFAULT-VALUE} s).")
  int timeoutSeconds;

  /** Work done in one SFTP session, given the PKCS12 password of the bulk files. */
  @FunctionalInterface
  interface Job<T> {
    T run(SftpSession session, char[] bundlePassword) throws Exception;
  }

  /** Logs in, runs {@code job} and logs out; the secrets are wiped from memory whatever happens. */
  <T> T inSession(Job<T> job) throws Exception {
    char[] bundlePassword = bundlePassword();
    try {
      SftpCredentials creds = credentials();
      try (SftpSession session = SftpSession.open(target(), creds, hostKeys(), timeout())) {
        return job.run(session, bundlePassword);
      } finally {
        creds.wipe();
      }
    } finally {
      Arrays.fill(bundlePassword, '\0');
    }
  }

  SftpTarget target() {
    try {
      return SftpTarget.parse(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  HostKeyPolicy hostKeys() {
    try {
      return new HostKeyPolicy(knownHosts == null ? HostKeyPolicy.defaultKnownHosts() : knownHosts, acceptHostKey);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  Duration timeout() {
    if (timeoutSeconds <= 0) {
      throw new BadInputException("--timeout must be a positive number of seconds");
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  SftpCredentials credentials() throws IOException {
    if (keyFile != null) {
      return SftpCredentials.key(keyFile, keyPassphraseFile == null ? null : secret(keyPassphraseFile));
    }
    char[] password = sftpPassword();
    if (password == null) {
      throw new BadInputException("no SFTP password: give --password-file FILE, set " + SFTP_PASSWORD_ENV
          + ", or log in with --key FILE");
    }
    return SftpCredentials.password(password);
  }

  char[] bundlePassword() throws IOException {
    String env = System.getenv(BUNDLE_PASSWORD_ENV);
    char[] given = bundlePasswordFile != null ? secret(bundlePasswordFile)
        : env != null && !env.isEmpty() ? env.toCharArray() : null;
    char[] password = dev.emcc.certs.BulkFiles.bundlePassword(given, given == null ? sftpPassword() : null);
    if (password == null) {
      throw new BadInputException("no PKCS12 password: give --bundle-password-file FILE or set "
          + BUNDLE_PASSWORD_ENV + " (without either, the SFTP password is used)");
    }
    return password;
  }

  private char[] sftpPassword() throws IOException {
    if (passwordFile != null) {
      return secret(passwordFile);
    }
    String env = System.getenv(SFTP_PASSWORD_ENV);
    return env == null || env.isEmpty() ? null : env.toCharArray();
  }

  /** The first line of a secret file, without its line end. */
  static char[] secret(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new BadInputException("the secret file " + file + " is empty");
    }
    return line.toCharArray();
  }
}
