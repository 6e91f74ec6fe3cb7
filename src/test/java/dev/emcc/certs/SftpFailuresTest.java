package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.model.Cluster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure of the SFTP transfer has its reason and a message that says what to do. */
class SftpFailuresTest {
  @TempDir Path temp;
  private final BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());

  private static CertificateTransferException failure(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(CertificateTransferException.class);
    return (CertificateTransferException) t;
  }

  @Test
  void wrongPassword() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      CertificateTransferException e = failure(() -> SftpSession.open(sftp.target(),
          SftpCredentials.password("not-it".toCharArray()),
          new HostKeyPolicy(sftp.knownHosts, sftp.server.hostKeyFingerprint()), Duration.ofSeconds(10)));
      assertThat(e.reason()).isEqualTo(Reason.WRONG_CREDENTIALS);
      assertThat(e.getMessage()).contains("refused user trainer at 127.0.0.1:" + sftp.server.port());
      assertThat(e.text(Locale.JAPANESE)).contains("ユーザ trainer を拒否しました");
    }
  }

  @Test
  void unreachableHost() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CertificateTransferException e = failure(() -> SftpSession.open(new SftpTarget("u", "127.0.0.1", port, "/"),
        SftpCredentials.password("x".toCharArray()), new HostKeyPolicy(temp.resolve("kh"), null),
        Duration.ofSeconds(5)));
    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("No SFTP server reachable at 127.0.0.1:" + port);
  }

  @Test
  void unknownHostKeyIsRefusedWithItsFingerprintThenPinnedOnConfirmation() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      SftpCredentials creds = SftpCredentials.password(sftp.server.password());
      CertificateTransferException e = failure(() -> SftpSession.open(sftp.target(), creds,
          new HostKeyPolicy(sftp.knownHosts, null), Duration.ofSeconds(10)));
      assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_UNKNOWN);
      assertThat(e.hostKeyFingerprint()).isEqualTo(sftp.server.hostKeyFingerprint());
      assertThat(e.getMessage()).contains("--accept-host-key " + sftp.server.hostKeyFingerprint());
      assertThat(sftp.knownHosts).doesNotExist();

      try (SftpSession s = SftpSession.open(sftp.target(), creds,
          new HostKeyPolicy(sftp.knownHosts, e.hostKeyFingerprint()), Duration.ofSeconds(10))) {
        assertThat(s.pinnedFingerprint()).isEqualTo(sftp.server.hostKeyFingerprint());
      }
      assertThat(Files.readString(sftp.knownHosts)).contains("[127.0.0.1]:" + sftp.server.port());
      // pinned: no confirmation needed any more
      try (SftpSession s = SftpSession.open(sftp.target(), creds, new HostKeyPolicy(sftp.knownHosts, null),
          Duration.ofSeconds(10))) {
        assertThat(s.list(".p12")).isEmpty();
      }
    }
  }

  @Test
  void aWrongConfirmationIsStillRefused() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      CertificateTransferException e = failure(() -> SftpSession.open(sftp.target(),
          SftpCredentials.password(sftp.server.password()),
          new HostKeyPolicy(sftp.knownHosts, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Duration.ofSeconds(10)));
      assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_UNKNOWN);
      assertThat(sftp.knownHosts).doesNotExist();
    }
  }

  @Test
  void changedHostKey() throws Exception {
    Path otherTemp = Files.createDirectories(temp.resolve("other"));
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpFixture other = new SftpFixture(otherTemp, false)) {
      // pin the other server's key, then claim it for this server's address: as if the host changed
      other.open().close();
      String line = Files.readString(other.knownHosts).trim();
      String forged = line.replace("[127.0.0.1]:" + other.server.port(), "[127.0.0.1]:" + sftp.server.port());
      Files.writeString(sftp.knownHosts, forged + "\n");
      CertificateTransferException e = failure(sftp::open);
      assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_CHANGED);
      assertThat(e.hostKeyFingerprint()).isEqualTo(sftp.server.hostKeyFingerprint());
      assertThat(e.getMessage()).contains("has changed").contains(sftp.knownHosts.toString());
      assertThat(Files.readString(sftp.knownHosts)).isEqualTo(forged + "\n");
    }
  }

  @Test
  void missingDirectory() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      CertificateTransferException e = failure(() -> sftp.open(sftp.target("/no-such-dir")));
      assertThat(e.reason()).isEqualTo(Reason.MISSING_DIRECTORY);
      assertThat(e.getMessage()).isEqualTo("The SFTP directory /no-such-dir does not exist: create it or correct the path.");
    }
  }

  @Test
  void noPermissionOnAReadOnlyServer() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, java.util.EnumSet.of(dev.emcc.model.CertificateType.TOMCAT));
    try (SftpFixture sftp = new SftpFixture(temp, true); SftpSession s = sftp.open()) {
      CertificateTransferException e = failure(() -> jobs.export(tokyo, CertificateSelection.ALL,
          SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE));
      assertThat(e.reason()).isEqualTo(Reason.NO_PERMISSION);
      assertThat(e.getMessage()).startsWith("User trainer has no permission for /exports/");
      try (var files = Files.list(sftp.exports)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void aFileThatIsNotPkcs12() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false)) {
      Files.writeString(sftp.exports.resolve("consolidated.p12"), "this is a text file, not PKCS12");
      try (SftpSession s = sftp.open()) {
        CertificateTransferException e = failure(() -> jobs.importInto(TestClusters.cluster("TOKYO", 1, java.util.EnumSet.noneOf(dev.emcc.model.CertificateType.class)),
            SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE));
        assertThat(e.reason()).isEqualTo(Reason.NOT_PKCS12);
        assertThat(e.getMessage()).isEqualTo("consolidated.p12 is not a PKCS12 file.");
      }
    }
  }

  @Test
  void wrongPkcs12Password() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, java.util.EnumSet.of(dev.emcc.model.CertificateType.TOMCAT));
    Cluster osaka = TestClusters.cluster("OSAKA", 1, java.util.EnumSet.of(dev.emcc.model.CertificateType.TOMCAT));
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      jobs.export(osaka, CertificateSelection.ALL, "another-secret".toCharArray(), s, ProgressListener.NONE);
      CertificateTransferException e = failure(() -> jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s,
          ProgressListener.NONE));
      assertThat(e.reason()).isEqualTo(Reason.WRONG_PKCS12_PASSWORD);
      assertThat(e.getMessage()).startsWith("The PKCS12 file OSAKA.export.p12 does not open with this password");
      assertThat(sftp.exports.resolve("consolidated.p12")).doesNotExist();
    }
  }

  @Test
  void consolidateNeedsTwoClustersAndImportNeedsTheConsolidatedFile() throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 1, java.util.EnumSet.of(dev.emcc.model.CertificateType.TOMCAT));
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      CertificateTransferException e = failure(() -> jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s,
          ProgressListener.NONE));
      assertThat(e.reason()).isEqualTo(Reason.TOO_FEW_EXPORTS);
      assertThat(e.getMessage()).contains("at least two clusters; 1 found");
      CertificateTransferException i = failure(() -> jobs.importInto(tokyo, SftpFixture.BUNDLE_PASSWORD, s,
          ProgressListener.NONE));
      assertThat(i.reason()).isEqualTo(Reason.NOT_CONSOLIDATED);
    }
  }

  @Test
  void aFailedUploadLeavesTheGoodFileInPlace() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open()) {
      byte[] good = "the good file".getBytes(StandardCharsets.UTF_8);
      s.upload("TOKYO.export.p12", new ByteArrayInputStream(good));
      InputStream breaking = new InputStream() {
        private int sent;

        @Override
        public int read() throws IOException {
          if (sent++ > 40_000) {
            throw new IOException("disk read error halfway");
          }
          return 'x';
        }
      };
      CertificateTransferException e = failure(() -> s.upload("TOKYO.export.p12", breaking));
      assertThat(e.reason()).isEqualTo(Reason.TRANSFER_FAILED);
      assertThat(e.getMessage()).contains("disk read error halfway");
      assertThat(Files.readAllBytes(sftp.exports.resolve("TOKYO.export.p12"))).isEqualTo(good);
      try (var files = Files.list(sftp.exports)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("TOKYO.export.p12"));
      }
    }
  }

  @Test
  void theServersPrivateFolderIsInvisibleToClients() throws Exception {
    try (SftpFixture sftp = new SftpFixture(temp, false); SftpSession s = sftp.open(sftp.target("/"))) {
      assertThat(Files.exists(sftp.root.resolve(TrainerSftpServer.PRIVATE_DIR).resolve("host-key"))).isTrue();
      CertificateTransferException e = failure(() -> s.read(TrainerSftpServer.PRIVATE_DIR + "/host-key"));
      assertThat(e.reason()).isEqualTo(Reason.TRANSFER_FAILED);
      assertThat(s.list("")).isEmpty();
    }
  }

  @Test
  void keyAuthentication() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    java.security.KeyPair pair = g.generateKeyPair();
    Path keyFile = temp.resolve("id_rsa");
    Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    String wire = java.util.Base64.getEncoder().encodeToString(
        new net.schmizz.sshj.common.Buffer.PlainBuffer().putPublicKey(pair.getPublic()).getCompactData());
    Path authorized = Files.writeString(temp.resolve("authorized_keys"), "ssh-rsa " + wire + " trainee\n");
    Path root = Files.createDirectories(temp.resolve("root"));
    try (TrainerSftpServer server = TrainerSftpServer.start(
        new TrainerSftpServer.Config(root, "127.0.0.1", 0, "trainer", null, false, authorized))) {
      HostKeyPolicy policy = new HostKeyPolicy(temp.resolve("kh"), server.hostKeyFingerprint());
      SftpTarget target = new SftpTarget("trainer", "127.0.0.1", server.port(), "/");
      try (SftpSession s = SftpSession.open(target, SftpCredentials.key(keyFile, null), policy, Duration.ofSeconds(10))) {
        assertThat(s.list("")).isEmpty();
      }
      java.security.KeyPair stranger = g.generateKeyPair();
      Path strangerKey = Files.writeString(temp.resolve("id_stranger"), "-----BEGIN PRIVATE KEY-----\n"
          + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(stranger.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n");
      CertificateTransferException e = failure(() -> SftpSession.open(target,
          SftpCredentials.key(strangerKey, null), policy, Duration.ofSeconds(10)));
      assertThat(e.reason()).isEqualTo(Reason.WRONG_CREDENTIALS);
    }
  }
}
