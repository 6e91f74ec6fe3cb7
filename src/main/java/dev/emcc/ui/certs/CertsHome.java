package dev.emcc.ui.certs;

import dev.emcc.certs.CertificateInputException;
import dev.emcc.certs.HostKeyPolicy;
import dev.emcc.certs.NodeKeyStore;
import dev.emcc.format.AtomicFiles;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the console keeps what must not enter the workspace: the private keys of the node
 * certificates ({@link NodeKeyStore}, beside the workspace database) and the SFTP servers' host
 * keys (known_hosts). The key store's password is a random secret made on first use and kept in
 * an owner-only file next to it, so the console never has to ask for it.
 */
public record CertsHome(Path keyStore, Path keyStorePasswordFile, Path knownHosts) {

  /** The console's data directory (that of the workspace database) and ~/.emcc/known_hosts. */
  public static CertsHome standard() {
    Path dir = WorkspaceStore.defaultPath().toAbsolutePath().getParent();
    return in(dir, HostKeyPolicy.defaultKnownHosts());
  }

  public static CertsHome in(Path dir, Path knownHosts) {
    return new CertsHome(dir.resolve("node-keys.p12"), dir.resolve("node-keys.password"), knownHosts);
  }

  /** Opens the key store, creating its password on first use. */
  public NodeKeyStore openKeys() throws IOException, CertificateInputException {
    return NodeKeyStore.open(keyStore, password());
  }

  private char[] password() throws IOException {
    if (Files.exists(keyStorePasswordFile)) {
      return Files.readString(keyStorePasswordFile, StandardCharsets.UTF_8).strip().toCharArray();
    }
    byte[] raw = new byte[24];
    new SecureRandom().nextBytes(raw);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    // owner-only from its creation (Windows: the user's own profile folder protects it)
    AtomicFiles.writeOwnerOnly(keyStorePasswordFile, secret.getBytes(StandardCharsets.UTF_8));
    return secret.toCharArray();
  }

  public HostKeyPolicy hostKeys(String acceptedFingerprint) {
    return new HostKeyPolicy(knownHosts, acceptedFingerprint);
  }
}
