package dev.emcc.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real trainer SFTP server on 127.0.0.1 rooted at a temporary directory, and a way to connect. */
final class SftpFixture implements AutoCloseable {
  static final char[] BUNDLE_PASSWORD = "bulk-secret".toCharArray();
  final Path root;
  final Path exports;
  final Path knownHosts;
  final TrainerSftpServer server;

  SftpFixture(Path temp, boolean readOnly) throws IOException {
    root = Files.createDirectories(temp.resolve("sftp-root"));
    exports = Files.createDirectories(root.resolve("exports"));
    knownHosts = temp.resolve("known_hosts");
    server = TrainerSftpServer.start(new TrainerSftpServer.Config(root, "127.0.0.1", 0, "trainer", null, readOnly));
  }

  SftpTarget target() {
    return target("/exports");
  }

  SftpTarget target(String dir) {
    return new SftpTarget(server.user(), "127.0.0.1", server.port(), dir);
  }

  SftpSession open() throws CertificateTransferException {
    return open(target());
  }

  SftpSession open(SftpTarget target) throws CertificateTransferException {
    return SftpSession.open(target, SftpCredentials.password(server.password()),
        new HostKeyPolicy(knownHosts, server.hostKeyFingerprint()), Duration.ofSeconds(10));
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
