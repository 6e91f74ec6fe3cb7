package dev.emcc.certs;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * How to log in: a password, or a private key file (with its passphrase when it has one). Held
 * as char arrays so they can be wiped after use; never written anywhere.
 */
public final class SftpCredentials {
  private final char[] password;
  private final Path keyFile;
  private final char[] passphrase;

  private SftpCredentials(char[] password, Path keyFile, char[] passphrase) {
    this.password = password == null ? null : password.clone();
    this.keyFile = keyFile;
    this.passphrase = passphrase == null ? null : passphrase.clone();
  }

  public static SftpCredentials password(char[] password) {
    return new SftpCredentials(password, null, null);
  }

  public static SftpCredentials key(Path keyFile, char[] passphrase) {
    return new SftpCredentials(null, keyFile, passphrase);
  }

  public boolean usesKey() {
    return keyFile != null;
  }

  char[] password() {
    return password;
  }

  Path keyFile() {
    return keyFile;
  }

  char[] passphrase() {
    return passphrase;
  }

  public void wipe() {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
    if (passphrase != null) {
      Arrays.fill(passphrase, '\0');
    }
  }

  @Override
  public String toString() {
    return usesKey() ? "key " + keyFile : "password";
  }
}
