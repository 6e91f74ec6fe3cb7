package dev.emcc.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emcc.certs.BundleFileReport.LeftReason;
import dev.emcc.certs.BundleFileReport.NodeFrom;
import dev.emcc.certs.BundleFileReport.TypeFrom;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PKCS12 files written by {@code openssl pkcs12 -export} (the real binary) as another cluster's
 * export: certificate bags without the JDK's trusted-certificate attribute, AES (OpenSSL 3's
 * default) or the legacy PBE, with or without friendly names, with a private key beside. Each is
 * consolidated and imported over a real SFTP server and must give the trust our own export gives.
 */
class ForeignBundlesTest {
  private static final String PASS = "pass:" + new String(SftpFixture.BUNDLE_PASSWORD);
  private static final NodeCertificateIssuer ISSUER = new NodeCertificateIssuer();
  @TempDir Path temp;

  /** How openssl writes OSAKA's export. */
  enum Variant {
    AES_NO_NAMES(false, Names.NONE, false),
    LEGACY_NO_NAMES(true, Names.NONE, false),
    AES_OUR_NAMES(false, Names.OURS, false),
    LEGACY_OUR_NAMES(true, Names.OURS, false),
    AES_TYPE_WORDS(false, Names.TYPE_WORDS, false),
    AES_WITH_A_KEY(false, Names.NONE, true),
    LEGACY_WITH_A_KEY(true, Names.OURS, true);

    final boolean legacy;
    final Names names;
    final boolean withKey;

    Variant(boolean legacy, Names names, boolean withKey) {
      this.legacy = legacy;
      this.names = names;
      this.withKey = withKey;
    }
  }

  enum Names { NONE, OURS, TYPE_WORDS }

  /** OSAKA with its certificates and their keys (each cluster's keys issued once per JVM). */
  private static final class Osaka {
    static final List<NodeKeyMaterial> MATERIAL = new ArrayList<>();
    static final Cluster CLUSTER = make();

    private static Cluster make() {
      Cluster bare = TestClusters.cluster("OSAKA", 2, EnumSet.noneOf(CertificateType.class));
      List<Node> nodes = new ArrayList<>();
      for (Node n : bare.nodes()) {
        List<dev.emcc.model.Certificate> certs = new ArrayList<>();
        for (CertificateType t : CertificateType.values()) {
          NodeKeyMaterial m = ISSUER.issue("OSAKA", n, t, TestClusters.NOW.minus(Duration.ofDays(1)), Duration.ofDays(3650));
          MATERIAL.add(m);
          certs.add(m.model());
        }
        nodes.add(n.withCertificates(certs));
      }
      return bare.withNodes(nodes);
    }
  }

  private final BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.fixed(TestClusters.NOW, ZoneOffset.UTC));

  /** Writes OSAKA's certificates as PEM and has openssl bundle them into {@code file}. */
  private Path opensslExport(Variant v, Path dir, String file) throws Exception {
    Files.createDirectories(dir);
    StringBuilder pem = new StringBuilder();
    List<String> args = new ArrayList<>(List.of("pkcs12", "-export", "-out", file, "-passout", PASS));
    NodeKeyMaterial keyed = Osaka.MATERIAL.get(0);
    if (v.withKey) {
      // the key's own certificate first (openssl's -in certificate for -inkey), its key beside it
      Files.writeString(dir.resolve("key.pem"), Openssl.pemKey(keyed.privateKey()));
      args.addAll(List.of("-inkey", "key.pem"));
      if (v.names != Names.NONE) {
        args.addAll(List.of("-name", name(v, keyed)));
      }
    } else {
      args.add("-nokeys");
    }
    for (NodeKeyMaterial m : Osaka.MATERIAL) {
      if (v.withKey && m == keyed) {
        pem.insert(0, CertificateCodec.toPem(m.certificate()));
        continue;
      }
      pem.append(CertificateCodec.toPem(m.certificate()));
      if (v.names != Names.NONE) {
        args.addAll(List.of("-caname", name(v, m)));
      }
    }
    Files.writeString(dir.resolve("osaka.pem"), pem);
    args.addAll(List.of("-in", "osaka.pem"));
    if (v.legacy) {
      args.add("-legacy");
    }
    Openssl.run(dir, args.toArray(String[]::new));
    return dir.resolve(file);
  }

  private static String name(Variant v, NodeKeyMaterial m) {
    return switch (v.names) {
      case OURS -> m.alias().text();
      // the words other tools use: "tomcat-ECDSA", "CallManager", "ITLRecovery" ...
      case TYPE_WORDS -> switch (m.type()) {
        case CALL_MANAGER -> "CallManager";
        case CALL_MANAGER_ECDSA -> "CallManager-ECDSA";
        case TOMCAT -> "tomcat";
        case TOMCAT_ECDSA -> "tomcat-ECDSA";
        case CAPF -> "CAPF";
        case TFTP -> "TFTP";
        case TVS -> "TVS";
        case ITL_RECOVERY -> "ITLRecovery";
      };
      case NONE -> throw new IllegalArgumentException();
    };
  }

  /** Export TOKYO ourselves, OSAKA as given (ours or openssl's), consolidate, import into TOKYO. */
  private record Round(BulkCertificateJobs.ConsolidateResult consolidated, BulkCertificateJobs.ImportResult imported) {}

  private Round round(Path dir, Path osakaFile) throws Exception {
    Cluster tokyo = TestClusters.cluster("TOKYO", 2);
    try (SftpFixture sftp = new SftpFixture(dir, false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      if (osakaFile == null) {
        jobs.export(Osaka.CLUSTER, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      } else {
        Files.copy(osakaFile, sftp.exports.resolve("OSAKA.export.p12"));
      }
      var consolidated = jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      var imported = jobs.importInto(tokyo, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      return new Round(consolidated, imported);
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void opensslExportsAreConsolidatedAndImportedWithTheTrustOfOurOwn(Variant v) throws Exception {
    Round ours = round(temp.resolve("ours"), null);
    Path file = opensslExport(v, temp.resolve("openssl"), "OSAKA.export.p12");
    Round theirs = round(temp.resolve("theirs"), file);

    assertThat(theirs.consolidated().certificates()).isEqualTo(32);
    assertThat(theirs.consolidated().clusters()).containsExactly("OSAKA", "TOKYO");
    var a = ours.imported().cluster().trustStores();
    var b = theirs.imported().cluster().trustStores();
    assertThat(b.callManagerTrust()).hasSize(8).containsExactlyInAnyOrderElementsOf(a.callManagerTrust());
    assertThat(b.tomcatTrust()).hasSize(4).containsExactlyInAnyOrderElementsOf(a.tomcatTrust());
    assertThat(b.phoneSastTrust()).hasSize(6).containsExactlyInAnyOrderElementsOf(a.phoneSastTrust());
    assertThat(b.capfTrust()).isEqualTo(a.capfTrust());
    assertThat(theirs.imported().trust().added()).containsExactlyInAnyOrderElementsOf(ours.imported().trust().added());
    assertThat(theirs.imported().trust().restarts()).isEqualTo(ours.imported().trust().restarts());

    BundleFileReport osaka = theirs.consolidated().reports().stream()
        .filter(r -> r.file().equals("OSAKA.export.p12")).findFirst().orElseThrow();
    assertThat(osaka.taken()).hasSize(16);
    assertThat(osaka.clusters()).containsExactly("OSAKA");
    if (v.names == Names.OURS) {
      assertThat(osaka.taken()).noneMatch(BundleFileReport.Taken::mapped);
    } else {
      // named from the certificate: node from the CN, type from the friendly name or the OU
      TypeFrom from = v.names == Names.TYPE_WORDS ? TypeFrom.FRIENDLY_NAME : TypeFrom.OU;
      assertThat(osaka.taken()).allSatisfy(t -> {
        assertThat(t.nodeFrom()).isEqualTo(NodeFrom.CN);
        assertThat(t.typeFrom()).isEqualTo(from);
      });
      assertThat(osaka.lines(Locale.ROOT, false)).hasSize(17 + osaka.left().size()).element(1).asString()
          .startsWith("  took OSAKA/cucm0.osaka.example.com/")
          .contains("(not named cluster/node/type in the file: node from its subject CN, type from its "
              + (from == TypeFrom.OU ? "subject OU" : "friendly name") + ", cluster from the file name)");
      assertThat(osaka.lines(Locale.JAPANESE, false).get(1)).contains("クラスタはファイル名から");
    }
    if (v.withKey) {
      assertThat(osaka.left()).singleElement().satisfies(l -> assertThat(l.reason()).isEqualTo(LeftReason.PRIVATE_KEY));
      assertThat(osaka.lines(Locale.ROOT, false)).last().asString()
          .endsWith("a private key; keys are never imported");
      assertThat(osaka.lines(Locale.JAPANESE, false)).last().asString().endsWith("秘密鍵です。鍵はインポートしません");
    } else {
      assertThat(osaka.left()).isEmpty();
    }
    // the consolidated file (ours again) names every entry cluster/node/type: nothing is mapped on import
    assertThat(theirs.imported().report().taken()).hasSize(32).noneMatch(BundleFileReport.Taken::mapped);
    assertThat(theirs.imported().report().left()).isEmpty();
  }

  @Test
  void aFileWithoutACertificateIsAnErrorThatNamesIt() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("keyonly"));
    Files.writeString(dir.resolve("key.pem"), Openssl.pemKey(Osaka.MATERIAL.get(0).privateKey()));
    Openssl.run(dir, "pkcs12", "-export", "-nocerts", "-inkey", "key.pem", "-out", "OSAKA.export.p12", "-passout", PASS);
    Cluster tokyo = TestClusters.cluster("TOKYO", 2);
    try (SftpFixture sftp = new SftpFixture(temp.resolve("sftp"), false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      Files.copy(dir.resolve("OSAKA.export.p12"), sftp.exports.resolve("OSAKA.export.p12"));
      assertThatThrownBy(() -> jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE))
          .isInstanceOfSatisfying(CertificateTransferException.class, e -> {
            assertThat(e.reason()).isEqualTo(CertificateTransferException.Reason.NO_CERTIFICATES);
            assertThat(e.getMessage()).startsWith("OSAKA.export.p12 yields no certificate to take: left (an entry"
                + " without a name): a private key; keys are never imported");
            assertThat(e.text(Locale.JAPANESE)).startsWith("OSAKA.export.p12 から取り込める証明書がありません")
                .contains("秘密鍵です");
          });
      assertThat(sftp.exports.resolve("consolidated.p12")).doesNotExist();
    }
  }

  @Test
  void anEmptyPkcs12IsAnErrorToo() throws Exception {
    byte[] empty = new CertificateBundle().toPkcs12(SftpFixture.BUNDLE_PASSWORD);
    assertThatThrownBy(() -> CertificateBundle.fromPkcs12(empty, SftpFixture.BUNDLE_PASSWORD, "KYOTO.export.p12"))
        .isInstanceOfSatisfying(CertificateTransferException.class, e -> assertThat(e.getMessage())
            .isEqualTo("KYOTO.export.p12 yields no certificate to take: the file holds no entry at all."
                + " A bulk certificate file must hold the certificates themselves."));
  }

  @Test
  void certificatesNothingNamesAreLeftWithTheReasonAndTheRestIsTaken() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("odd"));
    // a gateway certificate whose type nothing names, and one with neither CN nor SAN
    Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "gw.key", "-out", "gw.pem", "-days", "30", "-subj", "/CN=gateway.example.com/O=Example");
    Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "anon.key", "-out", "anon.pem", "-days", "30", "-subj", "/O=Example/OU=tomcat");
    // a Tomcat certificate named only by its SAN
    Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "san.key", "-out", "san.pem", "-days", "30", "-subj", "/O=Example/OU=tomcat",
        "-addext", "subjectAltName=DNS:cucm9.kobe.example.com,IP:10.1.1.9");
    Files.writeString(dir.resolve("all.pem"), Files.readString(dir.resolve("gw.pem"))
        + Files.readString(dir.resolve("anon.pem")) + Files.readString(dir.resolve("san.pem")));
    Openssl.run(dir, "pkcs12", "-export", "-nokeys", "-in", "all.pem", "-out", "KOBE.export.p12", "-passout", PASS);

    CertificateBundle b = CertificateBundle.fromPkcs12(Files.readAllBytes(dir.resolve("KOBE.export.p12")),
        SftpFixture.BUNDLE_PASSWORD, "KOBE.export.p12");
    assertThat(b.entries()).singleElement().satisfies(e ->
        assertThat(e.alias()).isEqualTo(new BundleAlias("KOBE", "cucm9.kobe.example.com", CertificateType.TOMCAT)));
    assertThat(b.report().taken()).singleElement().satisfies(t -> {
      assertThat(t.nodeFrom()).isEqualTo(NodeFrom.SAN);
      assertThat(t.typeFrom()).isEqualTo(TypeFrom.OU);
    });
    assertThat(b.report().left()).extracting(BundleFileReport.Left::reason)
        .containsExactly(LeftReason.TYPE_UNKNOWN, LeftReason.NO_NODE_NAME);
    List<String> lines = b.report().lines(Locale.ROOT, false);
    assertThat(lines.get(0)).isEqualTo("KOBE.export.p12: took 1 certificates (KOBE), left 2 entries");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("left O=Example,CN=gateway.example.com: no certificate type"))
        .anySatisfy(l -> assertThat(l).contains("left OU=tomcat,O=Example: neither a subject CN nor a subject"
            + " alternative name names its node"));
  }

  @Test
  void aWrongPasswordAndAFileThatIsNotPkcs12AreToldApart() throws Exception {
    for (Variant v : List.of(Variant.AES_NO_NAMES, Variant.LEGACY_NO_NAMES)) {
      Path file = opensslExport(v, temp.resolve(v.name()), "OSAKA.export.p12");
      assertThatThrownBy(() -> CertificateBundle.fromPkcs12(Files.readAllBytes(file), "wrong".toCharArray(), "OSAKA.export.p12"))
          .isInstanceOfSatisfying(CertificateTransferException.class, e ->
              assertThat(e.reason()).isEqualTo(CertificateTransferException.Reason.WRONG_PKCS12_PASSWORD));
    }
    assertThatThrownBy(() -> CertificateBundle.fromPkcs12("not a p12".getBytes(), SftpFixture.BUNDLE_PASSWORD, "x.p12"))
        .isInstanceOfSatisfying(CertificateTransferException.class, e ->
            assertThat(e.reason()).isEqualTo(CertificateTransferException.Reason.NOT_PKCS12));
    byte[] ours = new CertificateBundle(List.of(new CertificateBundle.Entry(Osaka.MATERIAL.get(0).alias(),
        Osaka.MATERIAL.get(0).certificate()))).toPkcs12(SftpFixture.BUNDLE_PASSWORD);
    assertThatThrownBy(() -> CertificateBundle.fromPkcs12(ours, "wrong".toCharArray(), "ours.p12"))
        .isInstanceOfSatisfying(CertificateTransferException.class, e ->
            assertThat(e.reason()).isEqualTo(CertificateTransferException.Reason.WRONG_PKCS12_PASSWORD));
  }

  @Test
  void aNameGivenTwiceIsSaidToBeReplaced() throws Exception {
    // two OSAKA exports naming the same entries: the later file's certificate is kept and said so
    Path dir = Files.createDirectories(temp.resolve("twice"));
    NodeKeyMaterial first = Osaka.MATERIAL.get(2);
    NodeKeyMaterial other = ISSUER.issue("OSAKA", Osaka.CLUSTER.nodes().get(0), first.type(), TestClusters.NOW,
        Duration.ofDays(30));
    Files.writeString(dir.resolve("other.pem"), CertificateCodec.toPem(other.certificate()));
    Openssl.run(dir, "pkcs12", "-export", "-nokeys", "-in", "other.pem", "-caname", first.alias().text(),
        "-out", "OSAKA2.export.p12", "-passout", PASS);
    Cluster tokyo = TestClusters.cluster("TOKYO", 2);
    try (SftpFixture sftp = new SftpFixture(temp.resolve("sftp"), false); SftpSession s = sftp.open()) {
      jobs.export(tokyo, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      jobs.export(Osaka.CLUSTER, CertificateSelection.ALL, SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      Files.copy(dir.resolve("OSAKA2.export.p12"), sftp.exports.resolve("OSAKA2.export.p12"));
      var result = jobs.consolidate(SftpFixture.BUNDLE_PASSWORD, s, ProgressListener.NONE);
      assertThat(result.certificates()).isEqualTo(32);
      assertThat(result.replaced()).singleElement().satisfies(r -> {
        assertThat(r.alias()).isEqualTo(first.alias());
        assertThat(r.earlierFile()).isEqualTo("OSAKA.export.p12");
        assertThat(r.laterFile()).isEqualTo("OSAKA2.export.p12");
      });
      assertThat(result.lines(Locale.ROOT, false)).last().asString().isEqualTo(first.alias().text()
          + " of OSAKA.export.p12 replaced by the entry of the same cluster, node and type in OSAKA2.export.p12");
    }
  }

  @Test
  void typeWordsAndFileNames() {
    assertThat(BundleNaming.typeIn("cucm1_tomcat-ECDSA")).isEqualTo(CertificateType.TOMCAT_ECDSA);
    assertThat(BundleNaming.typeIn("CallManager.pem")).isEqualTo(CertificateType.CALL_MANAGER);
    assertThat(BundleNaming.typeIn("callManagerEcdsa")).isEqualTo(CertificateType.CALL_MANAGER_ECDSA);
    assertThat(BundleNaming.typeIn("ITLRecovery")).isEqualTo(CertificateType.ITL_RECOVERY);
    assertThat(BundleNaming.typeIn("tomcat and capf")).as("two types: not guessed").isNull();
    assertThat(BundleNaming.typeIn("gateway")).isNull();
    assertThat(BundleNaming.clusterOf("OSAKA.export.p12")).isEqualTo("OSAKA");
    assertThat(BundleNaming.clusterOf("nagoya.P12")).isEqualTo("nagoya");
    assertThat(BundleNaming.clusterOf("/x/y/KOBE.pfx")).isEqualTo("KOBE");
  }
}
