package dev.emcc.certs;

import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.format.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.userauth.UserAuthException;

/**
 * One SFTP connection (sshj) to the bulk certificate directory. Every failure becomes a
 * {@link CertificateTransferException} whose reason says what went wrong.
 */
public final class SftpSession implements AutoCloseable {
  /** A file of the directory. */
  public record RemoteEntry(String name, long size, Instant modified) {}

  private static final String POSIX_RENAME = "posix-rename@openssh.com";
  private final SSHClient ssh;
  private final SFTPClient sftp;
  private final SftpTarget target;
  private final String pinnedFingerprint;

  private SftpSession(SSHClient ssh, SFTPClient sftp, SftpTarget target, String pinnedFingerprint) {
    this.ssh = ssh;
    this.sftp = sftp;
    this.target = target;
    this.pinnedFingerprint = pinnedFingerprint;
  }

  /** Connects, checks the host key, logs in and checks that the directory is there. */
  public static SftpSession open(SftpTarget target, SftpCredentials credentials, HostKeyPolicy hostKeys,
      Duration timeout) throws CertificateTransferException {
    String where = target.host() + ":" + target.port();
    SSHClient ssh = new SSHClient();
    boolean ok = false;
    try {
      PinningHostKeyVerifier verifier;
      try {
        OwnerOnly.createDirectories(hostKeys.knownHosts().toAbsolutePath().getParent());
        verifier = new PinningHostKeyVerifier(hostKeys.knownHosts().toFile(), hostKeys.acceptedFingerprint());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the known-hosts file " + hostKeys.knownHosts(), e);
      }
      ssh.addHostKeyVerifier(verifier);
      ssh.setConnectTimeout((int) timeout.toMillis());
      ssh.setTimeout((int) timeout.toMillis());
      try {
        ssh.connect(target.host(), target.port());
      } catch (UnknownHostException | ConnectException | NoRouteToHostException | SocketTimeoutException e) {
        throw new CertificateTransferException(Reason.UNREACHABLE, e, where, e.getClass().getSimpleName());
      } catch (IOException e) {
        switch (verifier.outcome()) {
          case UNKNOWN -> throw new CertificateTransferException(Reason.HOST_KEY_UNKNOWN,
              verifier.lastFingerprint(), e, where, verifier.lastFingerprint());
          case CHANGED -> throw new CertificateTransferException(Reason.HOST_KEY_CHANGED,
              verifier.lastFingerprint(), e, where, verifier.lastFingerprint(), hostKeys.knownHosts());
          default -> throw new CertificateTransferException(Reason.UNREACHABLE, e, where, e.getMessage());
        }
      }
      try {
        if (credentials.usesKey()) {
          char[] pass = credentials.passphrase();
          ssh.authPublickey(target.user(), pass == null
              ? ssh.loadKeys(credentials.keyFile().toString())
              : ssh.loadKeys(credentials.keyFile().toString(), pass.clone()));
        } else {
          // sshj wipes the array it is given (one-off password finder): hand it a copy
          ssh.authPassword(target.user(), credentials.password().clone());
        }
      } catch (UserAuthException e) {
        throw new CertificateTransferException(Reason.WRONG_CREDENTIALS, e, target.user(), where);
      } catch (IOException e) {
        throw new CertificateTransferException(Reason.TRANSFER_FAILED, e, where, e.getMessage());
      }
      SFTPClient sftp;
      try {
        sftp = ssh.newSFTPClient();
      } catch (IOException e) {
        throw new CertificateTransferException(Reason.TRANSFER_FAILED, e, where, e.getMessage());
      }
      SftpSession session = new SftpSession(ssh, sftp, target, verifier.lastFingerprint());
      session.checkDirectory();
      ok = true;
      return session;
    } finally {
      if (!ok) {
        closeQuietly(ssh);
      }
    }
  }

  public SftpTarget target() {
    return target;
  }

  /** The fingerprint pinned during this connection (first use confirmed), or null. */
  public String pinnedFingerprint() {
    return pinnedFingerprint;
  }

  private void checkDirectory() throws CertificateTransferException {
    try {
      if (sftp.stat(target.directory()).getType() != FileMode.Type.DIRECTORY) {
        throw new CertificateTransferException(Reason.MISSING_DIRECTORY, null, target.directory());
      }
    } catch (IOException e) {
      throw failure(e, target.directory());
    }
  }

  /** Regular files of the directory whose names end with {@code suffix}. */
  public List<RemoteEntry> list(String suffix) throws CertificateTransferException {
    try {
      List<RemoteEntry> out = new ArrayList<>();
      for (RemoteResourceInfo info : sftp.ls(target.directory())) {
        if (info.isRegularFile() && info.getName().endsWith(suffix)) {
          out.add(new RemoteEntry(info.getName(), info.getAttributes().getSize(),
              Instant.ofEpochSecond(info.getAttributes().getMtime())));
        }
      }
      out.sort(java.util.Comparator.comparing(RemoteEntry::name));
      return List.copyOf(out);
    } catch (IOException e) {
      throw failure(e, target.directory());
    }
  }

  public boolean exists(String fileName) throws CertificateTransferException {
    try {
      return sftp.statExistence(target.path(fileName)) != null;
    } catch (IOException e) {
      throw failure(e, target.path(fileName));
    }
  }

  public byte[] read(String fileName) throws CertificateTransferException {
    String path = target.path(fileName);
    try (RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.READ));
         InputStream in = file.new RemoteFileInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw failure(e, path, false);
    }
  }

  /**
   * Writes {@code data} under a temporary name in the directory, then renames it over
   * {@code fileName}: readers see the old file or the whole new one, never half of it. When the
   * transfer fails the temporary file is removed and the old file stays.
   */
  public void upload(String fileName, InputStream data) throws CertificateTransferException {
    String finalPath = target.path(fileName);
    String tmpPath = target.path("." + fileName + "." + UUID.randomUUID() + ".part");
    try {
      try (RemoteFile file = sftp.open(tmpPath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL));
           OutputStream out = file.new RemoteFileOutputStream(0, 16)) {
        data.transferTo(out);
      }
      rename(tmpPath, finalPath);
    } catch (IOException e) {
      removeQuietly(tmpPath);
      throw failure(e, finalPath);
    }
  }

  private void rename(String from, String to) throws IOException {
    if (sftp.getSFTPEngine().supportsServerExtension("posix-rename", "openssh.com")) {
      // atomic replace (rename(2)); plain SFTPv3 rename refuses an existing target
      sftp.getSFTPEngine()
          .request(sftp.getSFTPEngine().newExtendedRequest(POSIX_RENAME).putString(from).putString(to))
          .retrieve(sftp.getSFTPEngine().getTimeoutMs(), TimeUnit.MILLISECONDS)
          .ensureStatusPacketIsOK();
      return;
    }
    if (sftp.statExistence(to) != null) {
      sftp.rm(to);
    }
    sftp.rename(from, to);
  }

  private void removeQuietly(String path) {
    try {
      sftp.rm(path);
    } catch (IOException ignored) {
      // the transfer's own failure is the one to report
    }
  }

  private CertificateTransferException failure(IOException e, String path) {
    return failure(e, path, true);
  }

  /** {@code directory}: whether a missing path means the bulk directory is missing. */
  private CertificateTransferException failure(IOException e, String path, boolean directory) {
    if (e instanceof SFTPException s) {
      Response.StatusCode code = s.getStatusCode();
      if (directory && (code == Response.StatusCode.NO_SUCH_FILE || code == Response.StatusCode.NO_SUCH_PATH)) {
        return new CertificateTransferException(Reason.MISSING_DIRECTORY, e, path);
      }
      if (code == Response.StatusCode.PERMISSION_DENIED) {
        return new CertificateTransferException(Reason.NO_PERMISSION, e, target.user(), path);
      }
    }
    return new CertificateTransferException(Reason.TRANSFER_FAILED, e, path,
        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    closeQuietly(ssh);
  }

  private static void closeQuietly(SSHClient ssh) {
    try {
      ssh.disconnect();
    } catch (IOException ignored) {
      // nothing left to save
    }
  }
}
