package dev.emcc.certs;

import dev.emcc.format.OwnerOnly;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * The trainer's SFTP server (Apache MINA SSHD): one user with a password generated at start, the
 * SFTP file system rooted at a directory, nothing but SFTP. The host key is kept in the
 * directory ({@code .emcc-sftp/host-key}, hidden from and unreachable by SFTP clients) so its
 * fingerprint stays the same from one start to the next. Optionally read-only.
 */
public final class TrainerSftpServer implements AutoCloseable {
  static final String PRIVATE_DIR = ".emcc-sftp";
  private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final SshServer server;
  private final String user;
  private final char[] password;
  private final String fingerprint;

  private TrainerSftpServer(SshServer server, String user, char[] password, String fingerprint) {
    this.server = server;
    this.user = user;
    this.password = password;
    this.fingerprint = fingerprint;
  }

  /** Settings; {@code password} null means generate one; port 0 means any free port. */
  public record Config(Path directory, String bind, int port, String user, char[] password, boolean readOnly,
      Path authorizedKeys) {
    public Config(Path directory, String bind, int port, String user, char[] password, boolean readOnly) {
      this(directory, bind, port, user, password, readOnly, null);
    }
  }

  public static TrainerSftpServer start(Config config) throws IOException {
    Path root = config.directory().toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "not a directory");
    }
    Path keyFile = root.resolve(PRIVATE_DIR).resolve("host-key");
    OwnerOnly.privateDirectory(keyFile.getParent()); // the server's private host key
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(keyFile);
    keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    Iterator<KeyPair> loaded = keys.loadKeys(null).iterator();
    String fingerprint = KeyUtils.getFingerPrint(loaded.next().getPublic());

    String user = config.user() == null ? "emcc" : config.user();
    char[] password = config.password() == null ? generatePassword() : config.password().clone();
    byte[] expected = new String(password).getBytes(StandardCharsets.UTF_8);

    SshServer server = SshServer.setUpDefaultServer();
    server.setHost(config.bind() == null ? "127.0.0.1" : config.bind());
    server.setPort(config.port());
    server.setKeyPairProvider(keys);
    server.setPasswordAuthenticator((u, p, session) -> user.equals(u)
        && MessageDigest.isEqual(expected, p.getBytes(StandardCharsets.UTF_8)));
    // keys from an OpenSSH authorized_keys file, for the user only, when one is given
    server.setPublickeyAuthenticator(config.authorizedKeys() == null ? null
        : (u, key, session) -> user.equals(u)
            && new AuthorizedKeysAuthenticator(config.authorizedKeys()).authenticate(u, key, session));
    server.setKeyboardInteractiveAuthenticator(null);
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
        .withFileSystemAccessor(new Accessor(config.readOnly())).build()));
    server.start();
    return new TrainerSftpServer(server, user, password, fingerprint);
  }

  public int port() {
    return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
  }

  public String host() {
    return server.getHost();
  }

  public String user() {
    return user;
  }

  public char[] password() {
    return password.clone();
  }

  /** "SHA256:..." as OpenSSH and the client print it. */
  public String hostKeyFingerprint() {
    return fingerprint;
  }

  @Override
  public void close() throws IOException {
    // graceful first: an immediate stop races the sessions' last reads and MINA prints
    // "Executor has been shut down" on stderr
    try {
      server.close(false).await(java.time.Duration.ofSeconds(5));
    } finally {
      server.stop(true);
    }
  }

  private static char[] generatePassword() {
    SecureRandom random = new SecureRandom();
    char[] out = new char[16];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return out;
  }

  /** Hides the server's private folder; refuses every change when read-only. */
  private static final class Accessor implements SftpFileSystemAccessor {
    private final boolean readOnly;

    Accessor(boolean readOnly) {
      this.readOnly = readOnly;
    }

    private static boolean hidden(Path p) {
      Path abs = p.toAbsolutePath().normalize();
      return abs.getNameCount() > 0 && abs.getName(0).toString().equals(PRIVATE_DIR);
    }

    private void writable(Path p) throws IOException {
      if (readOnly) {
        throw new AccessDeniedException(p.toString(), null, "read-only SFTP server");
      }
    }

    @Override
    public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
        throws IOException {
      Path p = SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
      if (hidden(p)) {
        throw new NoSuchFileException(remotePath);
      }
      return p;
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle dirHandle,
        Path dir, String handle, LinkOption... options) throws IOException {
      DirectoryStream<Path> all = SftpFileSystemAccessor.super.openDirectory(subsystem, dirHandle, dir, handle, options);
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          Iterator<Path> it = all.iterator();
          return new Iterator<>() {
            private Path next = advance();

            private Path advance() {
              while (it.hasNext()) {
                Path p = it.next();
                if (!hidden(p)) {
                  return p;
                }
              }
              return null;
            }

            @Override
            public boolean hasNext() {
              return next != null;
            }

            @Override
            public Path next() {
              if (next == null) {
                throw new java.util.NoSuchElementException();
              }
              Path p = next;
              next = advance();
              return p;
            }
          };
        }

        @Override
        public void close() throws IOException {
          all.close();
        }
      };
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file,
        String handle, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
      if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
          || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)) {
        writable(file);
      }
      return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
      writable(path);
      SftpFileSystemAccessor.super.createDirectory(subsystem, path);
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
        throws IOException {
      writable(link);
      SftpFileSystemAccessor.super.createLink(subsystem, link, existing, symLink);
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
        throws IOException {
      writable(newPath);
      SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
        throws IOException {
      writable(dst);
      SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts);
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
      writable(path);
      SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute,
        Object value, LinkOption... options) throws IOException {
      writable(file);
      SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, options);
    }
  }
}
