package dev.emcc.certs;

import dev.emcc.format.AtomicFiles;
import dev.emcc.model.CertificateType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;

/**
 * The private keys of the node certificates, in a password-protected PKCS12 file of their own
 * (the JDK's PKCS12), never in the workspace document or the database. Entries are named by
 * {@link BundleAlias}.
 */
public final class NodeKeyStore {
  private final Path file;
  private final char[] password;
  private final KeyStore store;

  private NodeKeyStore(Path file, char[] password, KeyStore store) {
    this.file = file;
    this.password = password.clone();
    this.store = store;
  }

  /** Opens the file, or starts an empty store when it does not exist yet. */
  public static NodeKeyStore open(Path file, char[] password) throws IOException, CertificateInputException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      if (Files.exists(file)) {
        ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), password);
      } else {
        ks.load(null, null);
      }
      return new NodeKeyStore(file, password, ks);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new CertificateInputException(file.toString(), "wrong key store password", e);
      }
      if (Files.exists(file)) {
        throw new CertificateInputException(file.toString(), "not a PKCS12 key store", e);
      }
      throw e;
    } catch (GeneralSecurityException e) {
      throw new CertificateInputException(file.toString(), "cannot read the key store: " + e.getMessage(), e);
    }
  }

  public void put(NodeKeyMaterial material) {
    try {
      store.setKeyEntry(material.alias().text(), material.privateKey(), password,
          new java.security.cert.Certificate[] {material.certificate()});
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot store the key of " + material.alias(), e);
    }
  }

  public Optional<NodeKeyMaterial> get(String clusterId, String nodeName, CertificateType type) {
    BundleAlias alias = new BundleAlias(clusterId, nodeName, type);
    try {
      if (!store.isKeyEntry(alias.text())) {
        return Optional.empty();
      }
      PrivateKey key = (PrivateKey) store.getKey(alias.text(), password);
      X509Certificate cert = (X509Certificate) store.getCertificate(alias.text());
      return Optional.of(new NodeKeyMaterial(clusterId, nodeName, type, key, cert));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the key of " + alias, e);
    }
  }

  public int size() {
    try {
      return Collections.list(store.aliases()).size();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes beside the file and moves it in place, so a crash never leaves half a key store. */
  public void save() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      store.store(out, password);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the key store " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeOwnerOnly(file, out.toByteArray());
  }

  /** Forgets the password held in memory. */
  public void clearPassword() {
    Arrays.fill(password, '\0');
  }
}
